/** Hand-written traces: just the segments the lab's metrics read, written as a tcpdump would show them. */
import type {TraceEvent} from '../../src/sim/api';

type Segment = Extract<TraceEvent, {kind: 'segment'}>;

const CLIENT_IP = '10.0.0.2';
const SERVER_IP = '93.184.216.34';

let nextId = 1;

/**
 * One segment between the client (port `port`) and www.example.com:80.
 * `t` is the send time; `arrives` defaults to t + the one-way latency given.
 */
export function seg(
  dir: 'c>s' | 's>c',
  port: number,
  flags: string,
  t: number,
  oneWay: number,
  len = 0,
  arrives: number | null = t + oneWay,
): Segment {
  const client = {ip: CLIENT_IP, port};
  const server = {ip: SERVER_IP, port: 80};
  const fromClient = dir === 'c>s';
  return {
    kind: 'segment',
    t,
    id: nextId++,
    fromHost: fromClient ? 'client' : 'www.example.com',
    toHost: fromClient ? 'www.example.com' : 'client',
    src: fromClient ? client : server,
    dst: fromClient ? server : client,
    flags,
    seq: 0,
    ack: flags.includes('A') ? 0 : null,
    relSeq: null,
    relAck: null,
    window: 65535,
    len,
    payload: new Uint8Array(len),
    arrives,
    callId: null,
    // the lab reads times and flags only; the cause is a placeholder of the right type
    cause: {kind: 'rule', rule: 'window-opened', inReplyTo: null},
  };
}

/**
 * One HTTP/1.0 fetch as the kernel recording http10-exchange shows it (test/conformance/expected), with
 * one-way latency d, starting at t0: S, SA, A, PA(request), PA(response) + FA from the server, the
 * client's FA, the server's last A. (The pure ACKs Linux delays are left out: they change no phase.)
 * Returns the segments and when the response (and the server's FIN) reached the client: t0 + 4d.
 */
export function http10Fetch(port: number, t0: number, d: number): {segments: Segment[]; done: number} {
  const segments = [
    seg('c>s', port, 'S', t0, d), //                        arrives t0+d
    seg('s>c', port, 'SA', t0 + d, d), //                   arrives t0+2d: connect() returns
    seg('c>s', port, 'A', t0 + 2 * d, d),
    seg('c>s', port, 'PA', t0 + 2 * d, d, 42), //            request, arrives t0+3d
    seg('s>c', port, 'PA', t0 + 3 * d, d, 70), //            response, arrives t0+4d
    seg('s>c', port, 'FA', t0 + 3 * d, d), //                server closes at once, arrives t0+4d
    seg('c>s', port, 'FA', t0 + 4 * d, d), //                client reads EOF and closes
    seg('s>c', port, 'A', t0 + 5 * d, d), //                 arrives t0+6d
  ];
  return {segments, done: t0 + 4 * d};
}
