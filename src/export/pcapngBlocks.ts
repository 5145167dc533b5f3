/**
 * The pcapng blocks we write (the format of the IETF opsawg pcapng draft, little-endian): Section Header, Interface
 * Description, Enhanced Packet and Name Resolution blocks, each with its options. Only what a capture of a simulated
 * run needs; pure, no DOM.
 */

export const BLOCK_SHB = 0x0a0d0d0a;
export const BLOCK_IDB = 0x00000001;
export const BLOCK_NRB = 0x00000004;
export const BLOCK_EPB = 0x00000006;
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** option codes (opt_endofopt and opt_comment are common to every block) */
export const OPT_END = 0;
export const OPT_COMMENT = 1;
export const SHB_USERAPPL = 4;
export const IF_NAME = 2;
export const IF_DESCRIPTION = 3;
export const IF_TSRESOL = 9;
export const EPB_FLAGS = 2;
export const NRB_IPV4 = 1;
export const NRB_END = 0;

/** LINKTYPE_RAW: each packet starts with its IP header (no link layer to make up) */
export const LINKTYPE_RAW = 101;
/** epb_flags bits 0–1: the packet's direction on that interface */
export const DIRECTION_INBOUND = 1;
export const DIRECTION_OUTBOUND = 2;

const utf8 = new TextEncoder();

export interface Option {
  code: number;
  value: Uint8Array;
}

export const textOption = (code: number, text: string): Option => ({code, value: utf8.encode(text)});

export function u32Option(code: number, n: number): Option {
  const value = new Uint8Array(4);
  new DataView(value.buffer).setUint32(0, n, true);
  return {code, value};
}

const pad4 = (n: number) => (n + 3) & ~3;

/** A growable little-endian byte buffer. */
export class Bytes {
  private buf = new Uint8Array(4096);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u16(n: number): void {
    this.room(2);
    new DataView(this.buf.buffer).setUint16(this.length, n, true);
    this.length += 2;
  }
  u32(n: number): void {
    this.room(4);
    new DataView(this.buf.buffer).setUint32(this.length, n >>> 0, true);
    this.length += 4;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** zeros up to the next multiple of 4 */
  pad(): void {
    const n = pad4(this.length) - this.length;
    this.room(n);
    this.buf.fill(0, this.length, this.length + n);
    this.length += n;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function writeOptions(out: Bytes, options: readonly Option[]): void {
  if (options.length === 0) return;
  for (const o of options) {
    if (o.value.length > 0xffff) throw new Error('a pcapng option longer than 65535 bytes');
    out.u16(o.code);
    out.u16(o.value.length);
    out.bytes(o.value);
    out.pad();
  }
  out.u16(OPT_END);
  out.u16(0);
}

/** A block: type, total length, body, options, total length again. */
function block(out: Bytes, type: number, body: (b: Bytes) => void, options: readonly Option[]): void {
  const inner = new Bytes();
  body(inner);
  inner.pad();
  writeOptions(inner, options);
  const total = 12 + inner.length;
  out.u32(type);
  out.u32(total);
  out.bytes(inner.result());
  out.u32(total);
}

export function sectionHeader(out: Bytes, options: readonly Option[]): void {
  block(
    out,
    BLOCK_SHB,
    (b) => {
      b.u32(BYTE_ORDER_MAGIC);
      b.u16(1); // major version
      b.u16(0); // minor version
      b.u32(0xffffffff); // section length: -1, not given
      b.u32(0xffffffff);
    },
    options,
  );
}

export function interfaceDescription(out: Bytes, linkType: number, snapLen: number, options: readonly Option[]): void {
  block(
    out,
    BLOCK_IDB,
    (b) => {
      b.u16(linkType);
      b.u16(0); // reserved
      b.u32(snapLen);
    },
    options,
  );
}

/** `timestamp` in units of the interface's resolution (microseconds here), since 1970-01-01 UTC. */
export function enhancedPacket(out: Bytes, iface: number, timestamp: number, packet: Uint8Array, options: readonly Option[]): void {
  block(
    out,
    BLOCK_EPB,
    (b) => {
      b.u32(iface);
      b.u32(Math.floor(timestamp / 2 ** 32));
      b.u32(timestamp % 2 ** 32);
      b.u32(packet.length); // captured
      b.u32(packet.length); // original
      b.bytes(packet);
    },
    options,
  );
}

/** One nrb_record_ipv4 per address with its names (each NUL-terminated), then nrb_record_end. */
export function nameResolution(out: Bytes, records: readonly {ip: string; names: readonly string[]}[]): void {
  block(
    out,
    BLOCK_NRB,
    (b) => {
      for (const r of records) {
        const names = r.names.map((n) => utf8.encode(`${n}\0`));
        const len = 4 + names.reduce((s, n) => s + n.length, 0);
        b.u16(NRB_IPV4);
        b.u16(len);
        b.bytes(new Uint8Array(r.ip.split('.').map(Number)));
        for (const n of names) b.bytes(n);
        b.pad();
      }
      b.u16(NRB_END);
      b.u16(0);
    },
    [],
  );
}
