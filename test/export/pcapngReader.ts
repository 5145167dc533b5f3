/**
 * A small pcapng reader for the tests (written from the format, independently of src/export): blocks with their
 * lengths checked, options, and the IPv4/TCP fields of each packet with both checksums recomputed here.
 */

export interface Block {
  type: number;
  body: DataView;
  /** offset of the body in the file */
  at: number;
}

export interface ParsedOption {
  code: number;
  value: Uint8Array;
}

export function readBlocks(file: Uint8Array): Block[] {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: Block[] = [];
  let at = 0;
  while (at < file.length) {
    const type = v.getUint32(at, true);
    const len = v.getUint32(at + 4, true);
    if (len % 4 !== 0 || len < 12 || at + len > file.length) throw new Error(`bad block length ${len} at ${at}`);
    if (v.getUint32(at + len - 4, true) !== len) throw new Error(`trailing length differs at ${at}`);
    out.push({type, body: new DataView(file.buffer, file.byteOffset + at + 8, len - 12), at: at + 8});
    at += len;
  }
  return out;
}

/** Options from `offset` within a block body to its end. */
export function readOptions(body: DataView, offset: number): ParsedOption[] {
  const out: ParsedOption[] = [];
  let at = offset;
  while (at + 4 <= body.byteLength) {
    const code = body.getUint16(at, true);
    const len = body.getUint16(at + 2, true);
    if (code === 0) {
      if (len !== 0) throw new Error('opt_endofopt with a length');
      return out;
    }
    out.push({code, value: new Uint8Array(body.buffer, body.byteOffset + at + 4, len).slice()});
    at += 4 + ((len + 3) & ~3);
  }
  if (at !== body.byteLength) throw new Error('options run past the block');
  return out;
}

export const text = (o: ParsedOption | undefined): string => (o ? new TextDecoder().decode(o.value) : '');

export interface Epb {
  iface: number;
  /** 64-bit timestamp as a number (fits: microseconds of this century < 2^53) */
  ts: number;
  packet: Uint8Array;
  options: ParsedOption[];
}

export function readEpb(b: Block): Epb {
  const iface = b.body.getUint32(0, true);
  const ts = b.body.getUint32(4, true) * 2 ** 32 + b.body.getUint32(8, true);
  const caplen = b.body.getUint32(12, true);
  const origlen = b.body.getUint32(16, true);
  if (caplen !== origlen) throw new Error('a cut packet');
  const packet = new Uint8Array(b.body.buffer, b.body.byteOffset + 20, caplen).slice();
  return {iface, ts, packet, options: readOptions(b.body, 20 + ((caplen + 3) & ~3))};
}

/** RFC 1071 sum, computed plainly: over the 16-bit words, folded, complemented. */
function onesComplement(words: number[]): number {
  let s = 0;
  for (const w of words) {
    s += w;
    s = (s & 0xffff) + (s >> 16);
  }
  return ~s & 0xffff;
}

function wordsOf(bytes: Uint8Array): number[] {
  const w: number[] = [];
  for (let i = 0; i < bytes.length; i += 2) w.push((bytes[i] << 8) | (bytes[i + 1] ?? 0));
  return w;
}

export interface Ipv4Tcp {
  src: string;
  dst: string;
  ttl: number;
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  options: Uint8Array;
  payload: Uint8Array;
  /** the checksums as written, and as recomputed here with the field zeroed */
  ipChecksum: {written: number; computed: number};
  tcpChecksum: {written: number; computed: number};
}

export function readIpv4Tcp(p: Uint8Array): Ipv4Tcp {
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  if (p[0] >> 4 !== 4) throw new Error('not IPv4');
  const ihl = (p[0] & 0x0f) * 4;
  const total = v.getUint16(2);
  if (total !== p.length) throw new Error(`IP total length ${total} but packet has ${p.length}`);
  if (p[9] !== 6) throw new Error('not TCP');
  const header = p.slice(0, ihl);
  header[10] = header[11] = 0;
  const tcp = p.slice(ihl);
  const off = (tcp[12] >> 4) * 4;
  const zeroed = tcp.slice();
  zeroed[16] = zeroed[17] = 0;
  const pseudo = [...wordsOf(p.slice(12, 16)), ...wordsOf(p.slice(16, 20)), 6, tcp.length];
  const ip = (a: number) => `${p[a]}.${p[a + 1]}.${p[a + 2]}.${p[a + 3]}`;
  const tv = new DataView(tcp.buffer);
  return {
    src: ip(12),
    dst: ip(16),
    ttl: p[8],
    srcPort: tv.getUint16(0),
    dstPort: tv.getUint16(2),
    seq: tv.getUint32(4),
    ack: tv.getUint32(8),
    flags: tcp[13],
    window: tv.getUint16(14),
    options: tcp.slice(20, off),
    payload: tcp.slice(off),
    ipChecksum: {written: v.getUint16(10), computed: onesComplement(wordsOf(header))},
    tcpChecksum: {written: tv.getUint16(16), computed: onesComplement([...pseudo, ...wordsOf(zeroed)])},
  };
}
