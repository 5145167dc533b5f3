/**
 * A FIFO of bytes kept as the chunks that were written, so writes and reads cost no copying
 * beyond what the caller asks for. The sender keeps unacknowledged bytes here (it must be able
 * to send them again), the receiver keeps bytes the application has not read yet.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  /** bytes of chunks[0] already consumed */
  private headOffset = 0;
  length = 0;

  push(data: Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.length += data.length;
  }

  /** Copy of up to `len` bytes starting `offset` bytes into the queue, without consuming them. */
  peek(offset: number, len: number): Uint8Array {
    len = Math.max(0, Math.min(len, this.length - offset));
    const out = new Uint8Array(len);
    if (len === 0) return out;
    let skip = offset + this.headOffset;
    let at = 0;
    for (let i = 0; i < this.chunks.length && at < len; i++) {
      const c = this.chunks[i];
      if (skip >= c.length) {
        skip -= c.length;
        continue;
      }
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
      this.headOffset = 0;
    }
  }

  /** Remove and return up to `max` bytes from the front. */
  read(max: number): Uint8Array {
    const out = this.peek(0, max);
    this.drop(out.length);
    return out;
  }

  clear(): void {
    this.chunks = [];
    this.headOffset = 0;
    this.length = 0;
  }
}
