/**
 * The selected segment in full, like a packet in Wireshark: addresses with host names, flags, seq/ack
 * relative and absolute, window, length, the payload, and why it was sent (the call and its source line,
 * the timer, or the rule with its RFC section), as the simulator recorded it.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {CallLogRow, SegmentRow} from '../../runner/inspect';
import {bytesToText, quotePreview} from '../../runner/format';
import {causeWords} from './cause';
import {flagWords, tcpdumpFlags} from './labels';
import styles from './styles.module.css';

export interface SegmentDetailProps {
  seg: SegmentRow;
  /** the arrow's label, as drawn */
  label: string;
  /** the connection's title and colour class */
  connTitle: string;
  connClass: string;
  callOf: (callId: number | null) => CallLogRow | undefined;
  lineOfCall: (callId: number | null) => number | null;
  /** label of another segment (the one a reply answers) */
  labelOf: (segmentId: number) => string | null;
}

function withHost(host: string, addr: string): string {
  return host === addr.split(':')[0] ? addr : `${host} (${addr})`;
}

function numbers(rel: number | null, abs: number | null): string {
  if (abs === null) return '—';
  if (rel === null) return String(abs);
  return translate({id: 'livecode.seg.relAbs', message: '{rel} (절대값 {abs})'}, {rel, abs});
}

/** "connect(3, 93.184.216.34, 80) (line 3)" */
function callName(call: CallLogRow | undefined, fallback: string, line: number | null): string {
  const name = call?.label ?? `${fallback}()`;
  return line !== null
    ? translate({id: 'livecode.seg.callOnLine', message: '{line}번 줄의 {call}'}, {line, call: name})
    : name;
}

export default function SegmentDetail(props: SegmentDetailProps): ReactNode {
  const {seg, callOf, lineOfCall} = props;
  const cause = seg.cause;
  const words = causeWords(cause);
  const reasons: ReactNode[] = [];
  if (cause.kind === 'call') {
    const line = lineOfCall(cause.callId);
    reasons.push(
      cause.callId === null
        ? translate(
            {id: 'livecode.seg.byServer', message: '{host}의 서버 프로그램이 {call}()을 호출해 보냈어요.'},
            {host: seg.fromHost, call: cause.call},
          )
        : translate(
            {id: 'livecode.seg.byCall', message: '{call} 호출이 보냈어요.'},
            {call: callName(callOf(cause.callId), cause.call, line)},
          ),
    );
  }
  if (words.text) reasons.push(words.text);
  if (cause.kind === 'rule' && cause.inReplyTo !== null) {
    const answered = props.labelOf(cause.inReplyTo);
    if (answered) {
      reasons.push(
        translate({id: 'livecode.seg.inReplyTo', message: '답한 세그먼트: #{id} {label}'}, {id: cause.inReplyTo, label: answered}),
      );
    }
  }
  if (cause.kind !== 'call' && seg.callId !== null) {
    // what the program was doing meanwhile: the line the arrow highlights
    const line = lineOfCall(seg.callId);
    const call = callOf(seg.callId);
    if (line !== null && call) {
      reasons.push(
        translate(
          {id: 'livecode.seg.meanwhile', message: '그동안 프로그램은 {call}에 있었어요.'},
          {call: callName(call, call.label, line)},
        ),
      );
    }
  }

  const sent = translate({id: 'livecode.seg.sentAt', message: '보냄 {t} ms'}, {t: seg.t});
  const arrived =
    seg.arrives === null
      ? translate({id: 'livecode.seq.lost', message: '유실됨'})
      : translate({id: 'livecode.seg.arrivedAt', message: '도착 {t} ms'}, {t: seg.arrives});

  return (
    <section
      className={`${styles.detail} ${props.connClass}`}
      aria-label={translate({id: 'livecode.seg.detail', message: '세그먼트 자세히'})}
      aria-live="polite">
      <p className={styles.detailTitle}>
        #{seg.id} {props.label} <span className={styles.detailConn}>{props.connTitle}</span>
      </p>
      <dl className={styles.detailList}>
        <dt>{translate({id: 'livecode.seg.why', message: '보낸 이유'})}</dt>
        <dd>
          {reasons.map((r, i) => (
            <span key={i} className={styles.reason}>
              {r}
            </span>
          ))}
          {words.rfc ? <span className={styles.rfc}>{words.rfc}</span> : null}
        </dd>
        <dt>{translate({id: 'livecode.seg.from', message: '보낸 쪽'})}</dt>
        <dd>{withHost(seg.fromHost, seg.from)}</dd>
        <dt>{translate({id: 'livecode.seg.to', message: '받는 쪽'})}</dt>
        <dd>{withHost(seg.toHost, seg.to)}</dd>
        <dt>{translate({id: 'livecode.seg.flags', message: '플래그'})}</dt>
        <dd>
          {flagWords(seg.flags)} <span className={styles.dim}>[{tcpdumpFlags(seg.flags)}]</span>
        </dd>
        <dt>seq</dt>
        <dd>{numbers(seg.relSeq, seg.seq)}</dd>
        <dt>ack</dt>
        <dd>{seg.ack === null ? '—' : numbers(seg.relAck, seg.ack)}</dd>
        <dt>{translate({id: 'livecode.seg.window', message: '윈도'})}</dt>
        <dd>{translate({id: 'livecode.seg.bytes', message: '{n}바이트'}, {n: seg.window})}</dd>
        <dt>{translate({id: 'livecode.seg.length', message: '데이터 길이'})}</dt>
        <dd>{translate({id: 'livecode.seg.bytes', message: '{n}바이트'}, {n: seg.len})}</dd>
        {seg.len > 0 ? (
          <>
            <dt>{translate({id: 'livecode.seg.payload', message: '데이터'})}</dt>
            <dd className={styles.payload}>{quotePreview(bytesToText(seg.payload), 120)}</dd>
          </>
        ) : null}
        <dt>{translate({id: 'livecode.seg.time', message: '시각'})}</dt>
        <dd>
          {sent} · {arrived}
        </dd>
      </dl>
    </section>
  );
}
