/**
 * How a segment is written on its arrow. Two notations:
 * - readable (the default), as the chapters write it: SYN, SYN+ACK, ACK, FIN+ACK, RST+ACK, and data
 *   as its byte count ("데이터 28바이트" / "data 28 bytes"), then the relative seq/ack numbers;
 * - compact, tcpdump's: [S], [S.], [.], [P.] 1:29(28), [F.], [R.] (a dot is ACK).
 * Pure functions: the words of the reader's language come in as `words`.
 */
import type {SegmentRow} from '../../runner/inspect';

export type Notation = 'readable' | 'compact';

export interface LabelWords {
  /** "데이터 {n}바이트" / "data {n} bytes", with {n} replaced */
  data: (n: number) => string;
}

const NAMES: [string, string][] = [
  ['S', 'SYN'],
  ['F', 'FIN'],
  ['R', 'RST'],
  ['P', 'PSH'],
  ['U', 'URG'],
  ['A', 'ACK'],
];

/** "SYN+ACK", "FIN+ACK", "RST", "PSH+ACK": the flag names joined, SYN/FIN/RST first and ACK last. */
export function flagWords(flags: string): string {
  return NAMES.filter(([letter]) => flags.includes(letter))
    .map(([, name]) => name)
    .join('+');
}

/** tcpdump's flag field: "S", "S.", ".", "P.", "F.", "R." */
export function tcpdumpFlags(flags: string): string {
  const letters = ['S', 'F', 'R', 'P', 'U'].filter((l) => flags.includes(l)).join('');
  return letters + (flags.includes('A') ? '.' : '');
}

const seqOf = (s: SegmentRow): number => s.relSeq ?? s.seq;
const ackOf = (s: SegmentRow): number | null => (s.flags.includes('A') ? (s.relAck ?? s.ack) : null);

export function segmentLabel(s: SegmentRow, notation: Notation, words: LabelWords): string {
  const seq = seqOf(s);
  const ack = ackOf(s);
  if (notation === 'compact') {
    const range = s.len > 0 ? `${seq}:${seq + s.len}(${s.len})` : `seq ${seq}`;
    return `[${tcpdumpFlags(s.flags)}] ${range}${ack !== null ? ` ack ${ack}` : ''}`;
  }
  // data: its size says more than PSH+ACK; a FIN riding along is still named
  const name = s.len > 0 ? words.data(s.len) + (s.flags.includes('F') ? '+FIN' : '') : flagWords(s.flags);
  return `${name} seq=${seq}${ack !== null ? ` ack=${ack}` : ''}`;
}
