/**
 * A FIFO of bytes kept as the chunks that were written, so writes and reads cost no copying
 * beyond what the caller asks for. The sender keeps unacknowledged bytes here (it must be able
 * to send them again), the receiver keeps bytes the application has not read yet.
 */
const EMPTY_BYTES = new Uint8Array(0);
const NO_CHUNKS: Uint8Array[] = [];

export class ByteQueue {
  /** shared empty list until the first push, so an idle connection costs no arrays */
  private chunks: Uint8Array[] = NO_CHUNKS;
  /** bytes of chunks[0] already consumed */
  private headOffset = 0;
  /** stream position of chunks[0][0] (bytes dropped in whole chunks so far) */
  private headPos = 0;
  /** where the last peek found its first chunk: index and stream position of that chunk's first byte */
  private cursorIdx = 0;
  private cursorPos = 0;
  length = 0;

  push(data: Uint8Array): void {
    if (data.length === 0) return;
    if (this.chunks === NO_CHUNKS) this.chunks = [];
    this.chunks.push(data);
    this.length += data.length;
  }

  /**
   * Up to `len` bytes starting `offset` bytes into the queue, without consuming them. A view into the
   * stored chunk when the range lies in one chunk (the common case: no copying), else a copy.
   * Callers must not modify the result. The sender peeks at increasing offsets, so the search starts
   * where the previous one ended.
   */
  peek(offset: number, len: number): Uint8Array {
    len = Math.max(0, Math.min(len, this.length - offset));
    if (len === 0) return EMPTY_BYTES;
    const target = this.headPos + this.headOffset + offset;
    let i = 0;
    let pos = this.headPos;
    if (this.cursorPos <= target && this.cursorIdx < this.chunks.length) {
      i = this.cursorIdx;
      pos = this.cursorPos;
    }
    while (target >= pos + this.chunks[i].length) pos += this.chunks[i++].length;
    this.cursorIdx = i;
    this.cursorPos = pos;
    let skip = target - pos;
    const first = this.chunks[i];
    if (skip + len <= first.length) return first.subarray(skip, skip + len);
    const out = new Uint8Array(len);
    let at = 0;
    for (; at < len; i++) {
      const c = this.chunks[i];
      const n = Math.min(c.length - skip, len - at);
      out.set(c.subarray(skip, skip + n), at);
      at += n;
      skip = 0;
    }
    return out;
  }

  /** Remove up to `n` bytes from the front. */
  drop(n: number): void {
    n = Math.min(n, this.length);
    this.length -= n;
    while (n > 0) {
      const c = this.chunks[0];
      const left = c.length - this.headOffset;
      if (n < left) {
        this.headOffset += n;
        return;
      }
      n -= left;
      this.chunks.shift();
      this.headPos += c.length;
      this.headOffset = 0;
      if (this.cursorIdx > 0) this.cursorIdx--;
      else this.cursorPos = this.headPos;
    }
  }

  /** Remove and return up to `max` bytes from the front (always a fresh copy the caller may keep). */
  read(max: number): Uint8Array {
    const view = this.peek(0, max);
    const out = view.length > 0 && view.buffer === this.chunks[0]?.buffer ? view.slice() : view;
    this.drop(out.length);
    return out;
  }

  clear(): void {
    this.chunks = NO_CHUNKS;
    this.headOffset = 0;
    this.headPos = 0;
    this.cursorIdx = 0;
    this.cursorPos = 0;
    this.length = 0;
  }
}
