/**
 * One simulated segment as the bytes of an IPv4 packet (RFC 791) carrying a TCP header (RFC 9293 §3.1), with both
 * checksums computed, so Wireshark reads it as it would a kernel's. Pure: no DOM, no clock.
 */
import type {TraceTcpOption} from '../sim/api';

/** TCP flag bits in the header's flags byte, by the letter the trace uses (src/sim/wire/segment.ts). */
const FLAG_BITS: Record<string, number> = {F: 0x01, S: 0x02, R: 0x04, P: 0x08, A: 0x10, U: 0x20, E: 0x40, W: 0x80};

/** IPv4 header without options: 20 bytes. */
const IP_HEADER = 20;
/** TCP header without options: 20 bytes; options make it at most 60. */
const TCP_HEADER = 20;
const PROTO_TCP = 6;
/** Linux's default TTL (net.ipv4.ip_default_ttl) */
const TTL = 64;
/** Don't Fragment: Linux sets it on TCP (path MTU discovery, RFC 1191) */
const DF = 0x4000;

export interface PacketFields {
  srcIp: string;
  dstIp: string;
  srcPort: number;
  dstPort: number;
  seq: number;
  /** null when the ACK flag is off (the field is then zero on the wire) */
  ack: number | null;
  /** letters F S R P A U E W */
  flags: string;
  /** the 16-bit window field as written (already shifted by the sender's window scale) */
  window: number;
  options: readonly TraceTcpOption[];
  payload: Uint8Array;
  /** the IP identification field */
  ipId: number;
}

function ipBytes(ip: string): number[] {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) throw new Error(`not an IPv4 address: ${ip}`);
  return parts;
}

/** Option bytes in the order given (RFC 9293 §3.2 kinds 1–4, RFC 7323 kinds 3 and 8), padded to 32 bits with EOL (0). */
export function optionBytes(options: readonly TraceTcpOption[]): number[] {
  const out: number[] = [];
  for (const o of options) {
    switch (o.kind) {
      case 'nop':
        out.push(1);
        break;
      case 'mss':
        out.push(2, 4, (o.value >>> 8) & 0xff, o.value & 0xff);
        break;
      case 'wscale':
        out.push(3, 3, o.value & 0xff);
        break;
      case 'sackOK':
        out.push(4, 2);
        break;
      case 'ts':
        out.push(8, 10, ...u32(o.val), ...u32(o.ecr));
        break;
    }
  }
  while (out.length % 4 !== 0) out.push(0);
  if (out.length > 40) throw new Error('TCP options longer than 40 bytes');
  return out;
}

function u32(v: number): number[] {
  return [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
}

/** The Internet checksum (RFC 1071): one's complement of the one's-complement sum of 16-bit words. */
export function internetChecksum(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial;
  for (let i = start; i + 1 < end; i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
  if ((end - start) % 2 === 1) sum += bytes[end - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** The IPv4 packet: header (checksum filled in), TCP header (checksum over the pseudo-header, RFC 9293 §3.1), payload. */
export function ipv4TcpPacket(f: PacketFields): Uint8Array {
  const opts = optionBytes(f.options);
  const tcpLen = TCP_HEADER + opts.length + f.payload.length;
  const total = IP_HEADER + tcpLen;
  if (total > 0xffff) throw new Error(`a segment of ${f.payload.length} bytes does not fit one IPv4 packet`);
  const b = new Uint8Array(total);
  const v = new DataView(b.buffer);
  const src = ipBytes(f.srcIp);
  const dst = ipBytes(f.dstIp);

  b[0] = 0x45; // version 4, header length 5 words
  v.setUint16(2, total);
  v.setUint16(4, f.ipId & 0xffff);
  v.setUint16(6, DF);
  b[8] = TTL;
  b[9] = PROTO_TCP;
  b.set(src, 12);
  b.set(dst, 16);
  v.setUint16(10, internetChecksum(b, 0, IP_HEADER));

  const t = IP_HEADER;
  v.setUint16(t, f.srcPort);
  v.setUint16(t + 2, f.dstPort);
  v.setUint32(t + 4, f.seq >>> 0);
  v.setUint32(t + 8, f.ack === null ? 0 : f.ack >>> 0);
  b[t + 12] = ((TCP_HEADER + opts.length) / 4) << 4;
  let bits = 0;
  for (const letter of f.flags) bits |= FLAG_BITS[letter] ?? 0;
  b[t + 13] = bits;
  v.setUint16(t + 14, Math.min(f.window, 0xffff));
  b.set(opts, t + TCP_HEADER);
  b.set(f.payload, t + TCP_HEADER + opts.length);
  // pseudo-header: source, destination, zero, protocol, TCP length
  const pseudo = sum16(src) + sum16(dst) + PROTO_TCP + tcpLen;
  v.setUint16(t + 16, internetChecksum(b, t, total, pseudo));
  return b;
}

function sum16(ip: number[]): number {
  return ((ip[0] << 8) | ip[1]) + ((ip[2] << 8) | ip[3]);
}
