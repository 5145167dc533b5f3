/**
 * The pcapng capture of a run (src/export/pcapng.ts), read back with our own small reader (pcapngReader.ts):
 * the block layout of the pcapng format, the IPv4 and TCP headers of each segment with both checksums recomputed
 * (RFC 791, RFC 9293 §3.1 pseudo-header, RFC 1071 sum), the options as encoded by RFC 9293 §3.2 / RFC 7323 / RFC 2018,
 * names, comments, and byte-for-byte reproducibility.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import type {RunResult} from '../../src/runner/types';
import type {TraceEvent} from '../../src/sim/api';
import {toPcapng} from '../../src/export/pcapng';
import {readBlocks, readEpb, readIpv4Tcp, readOptions, text, type Block} from './pcapngReader';

type Seg = Extract<TraceEvent, {kind: 'segment'}>;

const PROGRAM = [
  "on('server', () => { const l = socket(); bind(l, '0.0.0.0', 8080); listen(l, 5); });",
  'const fd = socket();',
  "connect(fd, '10.0.0.3', 8080);",
  "write(fd, 'hello');", // line 4
  "on('server', () => { const c = accept(3); read(c, 100); close(c); });",
  'close(fd);',
].join('\n');

/** 2000-01-01T00:00:00Z in microseconds since 1970: the documented epoch of simulated time 0 */
const EPOCH_US = Date.UTC(2000, 0, 1) * 1000;

const segmentsOf = (r: RunResult): Seg[] => r.trace.filter((e): e is Seg => e.kind === 'segment');
const epbs = (blocks: Block[]) => blocks.filter((b) => b.type === 6).map(readEpb);
const flagBits = (letters: string) =>
  [...letters].reduce((s, l) => s | ({F: 1, S: 2, R: 4, P: 8, A: 16, U: 32, E: 64, W: 128} as Record<string, number>)[l], 0);

describe('pcapng export', () => {
  const result = runInProcess({code: PROGRAM, world: {seed: 7}});
  const file = toPcapng(result);
  const blocks = readBlocks(file);

  it('the run it exports exchanged data (the example is meaningful)', () => {
    expect(result.status).toBe('ok');
    expect(segmentsOf(result).some((s) => s.len === 5)).toBe(true);
  });

  it('starts with a little-endian Section Header Block, version 1.0, then one raw-IPv4 interface in microseconds', () => {
    expect(blocks[0].type).toBe(0x0a0d0d0a);
    expect(blocks[0].body.getUint32(0, true)).toBe(0x1a2b3c4d);
    expect([blocks[0].body.getUint16(4, true), blocks[0].body.getUint16(6, true)]).toEqual([1, 0]);
    const idbs = blocks.filter((b) => b.type === 1);
    expect(idbs).toHaveLength(1);
    expect(idbs[0].body.getUint16(0, true)).toBe(101); // LINKTYPE_RAW
    const opts = readOptions(idbs[0].body, 8);
    expect(opts.find((o) => o.code === 9)?.value).toEqual(new Uint8Array([6]));
    expect(blocks.findIndex((b) => b.type === 1)).toBeLessThan(blocks.findIndex((b) => b.type === 6));
  });

  it('names every host of the run in a Name Resolution Block', () => {
    const nrb = blocks.find((b) => b.type === 4)!;
    const names = new Map<string, string[]>();
    let at = 0;
    for (;;) {
      const type = nrb.body.getUint16(at, true);
      const len = nrb.body.getUint16(at + 2, true);
      if (type === 0) break;
      expect(type).toBe(1); // nrb_record_ipv4
      const rec = new Uint8Array(nrb.body.buffer, nrb.body.byteOffset + at + 4, len);
      names.set([...rec.slice(0, 4)].join('.'), new TextDecoder().decode(rec.slice(4)).split('\0').filter(Boolean));
      at += 4 + ((len + 3) & ~3);
    }
    const hosts = result.trace.filter((e) => e.kind === 'host');
    expect(hosts.map((h) => h.host)).toEqual(expect.arrayContaining(['client', 'server', 'www.example.com']));
    for (const h of hosts) expect(names.get(h.ip), h.host).toEqual([h.host]);
  });

  it('has one packet per segment, stamped with its send time after the epoch, headers as the trace says, checksums right', () => {
    const segs = segmentsOf(result);
    const packets = epbs(blocks);
    expect(packets).toHaveLength(segs.length);
    // the capture is in time order; each segment's packet is found by its ports, sequence and flags
    for (const s of segs) {
      const p = packets.find((e) => {
        const h = readIpv4Tcp(e.packet);
        return h.srcPort === s.src.port && h.dstPort === s.dst.port && h.seq === s.seq && h.flags === flagBits(s.flags) && h.payload.length === s.len;
      });
      expect(p, `segment #${s.id}`).toBeDefined();
      const h = readIpv4Tcp(p!.packet);
      expect(p!.ts).toBe(EPOCH_US + Math.round(s.t * 1000));
      expect([h.src, h.dst, h.ttl]).toEqual([s.src.ip, s.dst.ip, 64]);
      expect(h.ack).toBe(s.ack ?? 0);
      expect(h.payload).toEqual(s.payload);
      expect(h.ipChecksum.written).toBe(h.ipChecksum.computed);
      expect(h.tcpChecksum.written).toBe(h.tcpChecksum.computed);
    }
    const times = packets.map((p) => p.ts);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('a changed byte makes the recomputed checksum disagree (the check can fail)', () => {
    const p = epbs(blocks).find((e) => readIpv4Tcp(e.packet).payload.length === 5)!.packet.slice();
    p[p.length - 1] ^= 0x20; // 'o' → 'O' in the payload
    const h = readIpv4Tcp(p);
    expect(h.tcpChecksum.written).not.toBe(h.tcpChecksum.computed);
  });

  it("the SYN carries Linux's options in Linux's order: MSS 1460, SACK-permitted, timestamps, NOP, window scale 8", () => {
    const syn = epbs(blocks).map((e) => readIpv4Tcp(e.packet)).find((h) => h.flags === 0x02)!;
    const o = syn.options;
    expect([...o.slice(0, 4)]).toEqual([2, 4, 1460 >> 8, 1460 & 0xff]);
    expect([...o.slice(4, 6)]).toEqual([4, 2]);
    expect([o[6], o[7]]).toEqual([8, 10]);
    expect([...o.slice(16, 20)]).toEqual([1, 3, 3, 8]);
    expect(syn.window).toBe(65535); // RFC 7323 §2.2: a SYN's window is not scaled
  });

  it('after both SYNs offered window scale 8, windows are written shifted by 8 (RFC 7323 §2.2)', () => {
    const data = segmentsOf(result).find((s) => s.len === 5)!;
    expect(data.window).toBeGreaterThan(65535);
    const h = epbs(blocks).map((e) => readIpv4Tcp(e.packet)).find((x) => x.payload.length === 5)!;
    expect(h.window).toBe(data.window >>> 8);
  });

  it("each packet's comment names its segment and cause: the write at line 4, the listener's SYN,ACK rule", () => {
    const comments = epbs(blocks).map((e) => text(e.options.find((o) => o.code === 1)));
    const data = segmentsOf(result).find((s) => s.len === 5)!;
    expect(comments.find((c) => c.startsWith(`segment #${data.id} `))).toMatch(/write\(fd 3\) at line 4/);
    const synAck = segmentsOf(result).find((s) => s.flags === 'SA')!;
    expect(comments.find((c) => c.startsWith(`segment #${synAck.id} `))).toMatch(/rule: syn-ack, answering segment #\d+ \(RFC 9293/);
    expect(comments.every((c) => /^segment #\d+ sent by \S+: .+; arrives at \S+ at [\d.]+ ms$/.test(c))).toBe(true);
  });

  it("a run whose trace was cut says so in the section header's comment", () => {
    const shb = readBlocks(toPcapng({...result, traceCut: 12}))[0];
    expect(text(readOptions(shb.body, 16).find((o) => o.code === 1))).toMatch(/last 12 events/);
    expect(readOptions(blocks[0].body, 16).some((o) => o.code === 1)).toBe(false);
  });

  it('the same program and seed give the same bytes; another seed (other ISNs) other bytes', () => {
    const again = toPcapng(runInProcess({code: PROGRAM, world: {seed: 7}}));
    expect(Buffer.from(again).equals(Buffer.from(file))).toBe(true);
    const other = toPcapng(runInProcess({code: PROGRAM, world: {seed: 8}}));
    expect(Buffer.from(other).equals(Buffer.from(file))).toBe(false);
  });
});

describe('pcapng export, one interface per host', () => {
  // a lossy link: some segments never arrive (the seed is fixed, so which ones is too)
  const result = runInProcess({code: PROGRAM, world: {seed: 3, loss: 0.3}});
  const blocks = readBlocks(toPcapng(result, {view: 'per-host'}));
  const names = blocks.filter((b) => b.type === 1).map((b) => text(readOptions(b.body, 8).find((o) => o.code === 2)));
  const packets = epbs(blocks);
  const segs = segmentsOf(result);

  it('has an interface named after each host', () => {
    expect(names).toEqual(result.trace.filter((e) => e.kind === 'host').map((e) => e.host));
  });

  it('the run lost some segments and delivered others', () => {
    expect(segs.some((s) => s.arrives === null)).toBe(true);
    expect(segs.some((s) => s.arrives !== null)).toBe(true);
  });

  it("a delivered segment is outbound on its sender's interface when sent and inbound on its receiver's when it arrives; a lost one only outbound", () => {
    const flagsOf = (e: (typeof packets)[number]) => new DataView(e.options.find((o) => o.code === 2)!.value.buffer).getUint32(0, true) & 3;
    for (const s of segs) {
      const copies = packets.filter((e) => text(e.options.find((o) => o.code === 1)).startsWith(`segment #${s.id} `));
      const out = copies.filter((e) => flagsOf(e) === 2);
      const inb = copies.filter((e) => flagsOf(e) === 1);
      expect(out.map((e) => [names[e.iface], e.ts]), `#${s.id}`).toEqual([[s.fromHost, EPOCH_US + Math.round(s.t * 1000)]]);
      if (s.arrives === null) {
        expect(inb, `#${s.id}`).toEqual([]);
        expect(text(out[0].options.find((o) => o.code === 1))).toMatch(/lost on the link/);
      } else {
        expect(inb.map((e) => [names[e.iface], e.ts]), `#${s.id}`).toEqual([[s.toHost, EPOCH_US + Math.round(s.arrives * 1000)]]);
      }
    }
  });
});
