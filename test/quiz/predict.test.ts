/**
 * Predict-the-outcome answer keys against the simulator. Each key in src/quiz/data was written from what the
 * chapter teaches and the kernel recordings (test/conformance/expected) or packetdrill scripts, noted per question below; this test runs
 * every program with runInProcess, reads the outcome the question asks about (src/quiz/outcomes.ts) and proves
 * the simulator and the key agree.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {quizzes} from '../../src/quiz/data';
import {measureOutcome} from '../../src/quiz/outcomes';
import {gradeAnswer} from '../../src/quiz/grading';
import type {PredictQuestion} from '../../src/quiz/types';

const predictions = quizzes.flatMap((quiz) => quiz.questions).filter((q): q is PredictQuestion => q.kind === 'predict');

/** Where each key comes from besides the chapter text: the kernel recording that shows the same behaviour. */
const recordedIn: Record<string, string> = {
  'overview-skip-connect': 'unconnected-read-write (read on an unconnected socket: ENOTCONN)',
  'socket-lowest-free': 'fd-numbering (lowest free number reused)',
  'socket-two-hosts': 'fd-numbering (each host starts at 3)',
  'connect-ephemeral': 'getsockname-ephemeral (*:0 before connect, an ephemeral port after)',
  'connect-handshake-count': 'handshake-trace (S, SA, A inside connect)',
  'connect-peer-port': 'getsockname-ephemeral (getpeername gives the server address and port)',
  'connect-refused-predict': 'connect-refused (ECONNREFUSED)',
  'server-bind-again': 'bind-port-zero-and-listen-autobind (bind() on a socket that already has a port: EINVAL)',
  'server-backlog-count': 'listen-backlog-full (listen(1) queues backlog + 1 = 2; the next SYN is dropped)',
  'server-accept-fd': 'accept-fd-reuses-lowest (accept() takes the lowest free descriptor)',
  'server-close-listener': 'close-listener-resets-queued (an unaccepted connection is reset: ECONNRESET)',
  'server-accept-loop-end': 'listen-accept-basic and accept-fd-reuses-lowest (accept() waits for a connection; each accepted one is served on its own descriptor); a server still in accept() is the normal state of a server (the run model: docs/intro.mdx#processes)',
  'rw-short-read': 'short-reads (read(max) smaller than the data)',
  'rw-byte-stream': 'stream-coalescing (three writes, one read)',
  'rw-nagle': 'packetdrill: test/peer/scripts/nagle-holds-small-writes.pkt (a short write waits for the ACK of the last one; RFC 9293 §3.7.4) and tcp_basic_server.pkt (delayed ACK)',
  'rw-read-blocks': 'read-blocks-then-data (a read with no data blocks)',
  'rw-eof': 'close-then-read-eof (data, then EOF)',
  'close-twice': 'close-twice-ebadf (EBADF)',
  'close-close-wait': 'close-then-read-eof (CLOSE-WAIT on the side that did not close)',
  'close-server-time-wait': 'http10-exchange / active-close-time-wait (TIME-WAIT on the side that closed first)',
  'close-rst': 'close-with-unread-data-rst (RST, then ECONNRESET)',
  'close-three-segments':
    'four-segment-close-trace (each FIN answered, four segments when the close waits) and packetdrill tcp_close_no_rst.pkt (a FIN after data is acknowledged up to 40 ms late, and close() then sends F. carrying that ACK)',
  'http-10-syn-count': 'handshake-trace (one SYN per connection)',
  'http-10-server-time-wait': 'http10-exchange (the server closes, the server holds TIME-WAIT)',
  'http-11-syn-count': 'http11-keepalive (two exchanges on one connection)',
  'http-11-who-waits': 'http11-keepalive (the client closes, the client holds TIME-WAIT)',
};

describe('every predict-the-outcome question', () => {
  it('names the recording its key agrees with', () => {
    expect(predictions.map((q) => q.id).filter((id) => !(id in recordedIn))).toEqual([]);
  });

  it.each(predictions.map((q) => [q.id, q] as const))('%s: the simulator agrees with the key', (_id, q) => {
    const result = runInProcess({code: q.program, world: q.world});

    const outcome = measureOutcome(q.measure, result);

    expect(outcome, `${q.id} (${recordedIn[q.id]}); run status ${result.status} ${result.error?.message ?? ''}`).toBe(
      q.expected,
    );
    expect(gradeAnswer(q, outcome)).toBe(true);
  });
});
