/**
 * The packetdrill interpreter itself: it parses the script language, and it reports a difference
 * (with the script's line) whenever the stack does something else than a script says.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseScript} from '../../scripts/packetdrill/parse';
import {runScript} from '../../scripts/packetdrill/run';

const NAGLE = readFileSync(path.join(__dirname, 'scripts/nagle-holds-small-writes.pkt'), 'utf8');

describe('parseScript', () => {
  it('turns relative times into absolute ms; a blocking call returns relative to the event before it', () => {
    const s = parseScript(['--tolerance_usecs=10000', '0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3',
      '+.1...0.250 accept(3, ..., ...) = 4', '+.05 < S 0:0(0) win 100 <mss 1000,sackOK,TS val 5 ecr 0,nop,wscale 7>',
      '+0~+.04 > . 1:1(0) ack 1', '* > F. 1:1(0) ack 1', '+0 write(4, ..., 10) = -1 EPIPE (Broken pipe)'].join('\n'));
    expect(s.flags).toEqual({tolerance_usecs: '10000'});
    expect(s.events.map((e) => [e.at, e.returnsAt, e.latest])).toEqual([
      [0, null, null], [100, 250, null], [150, null, null], [150, null, 190], [null, null, null], [150, null, null],
    ]);
    expect(s.events[2].packet).toMatchObject({dir: 'in', flags: 'S', start: 0, len: 0, win: 100, options: [
      {kind: 'mss', value: 1000}, {kind: 'sackOK'}, {kind: 'ts', val: 5, ecr: 0}, {kind: 'nop'}, {kind: 'wscale', value: 7}]});
    expect(s.events[5].call).toEqual({name: 'write', args: ['4', '...', '10'], ret: -1, errno: 'EPIPE'});
  });

  it('names the line of a malformed event', () => {
    expect(() => parseScript('0 socket() = 3\n+0 > P. 1:10(5) ack 1')).toThrow(/line 2: 1:10 is not 5 bytes/);
  });
});

describe('runScript reports what differs', () => {
  it('passes the script as written', () => {
    expect(runScript(NAGLE).error).toBeNull();
  });

  it('a packet the stack sends with other flags', () => {
    const r = runScript(NAGLE.replace('> P. 101:301(200)', '> . 101:301(200)'), 'nagle.pkt');
    expect(r.error).toMatch(/^nagle\.pkt:\d+: error: live packet field mismatch \(flags\)/);
  });

  it('a packet expected earlier than the stack sends it', () => {
    // Nagle holds the second write until the ACK: expecting it at once is a timing error
    const r = runScript(NAGLE.replace(' +.01 write(4, ..., 100) = 100\n +.01 write(4, ..., 100) = 100', ' +.01 write(4, ..., 100) = 100\n   +0 > P. 101:201(100) ack 1'));
    expect(r.error).toMatch(/timed out waiting for packet|timing error/);
  });

  it('a call that returns something else', () => {
    const r = runScript(NAGLE.replace('+0 accept(3, ..., ...) = 4', '+0 accept(3, ..., ...) = -1 EAGAIN (Resource temporarily unavailable)'));
    expect(r.error).toMatch(/accept\(\) returned 4, expected -1 \(EAGAIN\)/);
  });
});
