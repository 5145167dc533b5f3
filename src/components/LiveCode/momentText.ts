/**
 * A moment of the timeline (src/runner/timeline.ts) in plain words, in the reader's language:
 * "t=15 ms · server 쪽 소켓이 FIN+ACK 세그먼트를 받아 CLOSE-WAIT 상태가 됐어요". Segments are named as the
 * chapters name them (SYN, SYN+ACK, ACK, FIN+ACK, RST, data with its byte count). The Korean sentences put
 * host and state names before particles that never change with the word's last sound (에서, 쪽, 상태가).
 */
import {translate} from '@docusaurus/Translate';
import type {Moment, SegmentInfo} from '../../runner/timeline';

/** "SYN", "SYN+ACK", "ACK", "FIN+ACK", "RST+ACK", "데이터 5바이트", "데이터 5바이트+FIN" */
export function segmentName(s: Pick<SegmentInfo, 'flags' | 'len'>): string {
  const control = [s.flags.includes('S') && 'SYN', s.flags.includes('F') && 'FIN', s.flags.includes('R') && 'RST'].filter(
    (x): x is string => Boolean(x),
  );
  if (s.len > 0) {
    const data = translate({id: 'livecode.moment.data', message: '데이터 {n}바이트', description: 'a segment carrying n bytes'}, {n: s.len});
    return [data, ...control].join('+');
  }
  if (control.length === 0) return 'ACK';
  return control.join('+') + (s.flags.includes('A') ? '+ACK' : '');
}

/** Which call a built-in server made to enter a state only a call leads into (timeline.ts BY_CALL_ONLY). */
function appCall(state: string): string {
  return state === 'LISTEN' ? 'listen()' : state === 'SYN-SENT' ? 'connect()' : 'close()';
}

/** What happened at this moment, without its time. */
export function momentWords(m: Moment): string {
  switch (m.kind) {
    case 'start':
      return translate({id: 'livecode.moment.start', message: '시작: 프로그램이 아직 아무 호출도 하지 않았어요'});
    case 'call':
      return translate({id: 'livecode.moment.call', message: '{host}에서 {call} 호출을 시작했어요'}, {host: m.host, call: m.label});
    case 'return':
      if (m.stopped) {
        return translate(
          {id: 'livecode.moment.stopped', message: '{host}의 {call} 호출은 실행이 끝날 때까지 기다리던 중이었어요'},
          {host: m.host, call: m.label},
        );
      }
      if (m.blocked) {
        return translate(
          {id: 'livecode.moment.blocked', message: '{host}의 {call} 호출은 돌아오지 못해요: 영원히 기다리게 돼요'},
          {host: m.host, call: m.label},
        );
      }
      if (m.errno) {
        return translate(
          {id: 'livecode.moment.failed', message: '{host}의 {call} 호출이 {errno} 오류로 끝났어요'},
          {host: m.host, call: m.label, errno: m.errno},
        );
      }
      return translate(
        {id: 'livecode.moment.return', message: '{host}의 {call} 호출이 돌아왔어요: {result}'},
        {host: m.host, call: m.label, result: m.result},
      );
    case 'send': {
      const values = {from: m.segment.fromHost, to: m.segment.toHost, segment: segmentName(m.segment)};
      const sent = m.retransmission
        ? translate({id: 'livecode.moment.resend', message: '{from}에서 {to} 쪽으로 {segment} 세그먼트를 다시 보냈어요(재전송)'}, values)
        : translate({id: 'livecode.moment.send', message: '{from}에서 {to} 쪽으로 {segment} 세그먼트를 보냈어요'}, values);
      return m.lost ? sent + translate({id: 'livecode.moment.lost', message: ' — 가는 길에 사라져요'}) : sent;
    }
    case 'arrive':
      return translate(
        {id: 'livecode.moment.arrive', message: '{from}에서 보낸 {segment} 세그먼트가 {to}에 도착했어요'},
        {from: m.segment.fromHost, to: m.segment.toHost, segment: segmentName(m.segment)},
      );
    case 'state': {
      const c = m.cause;
      switch (c.kind) {
        case 'segment':
          return translate(
            {id: 'livecode.moment.state.segment', message: '{host} 쪽 소켓이 {segment} 세그먼트를 받아 {state} 상태가 됐어요'},
            {host: m.host, segment: segmentName(c.segment), state: m.to},
          );
        case 'call':
          return translate(
            {id: 'livecode.moment.state.call', message: '{host} 쪽 소켓이 {call} 호출로 {state} 상태가 됐어요'},
            {host: m.host, call: c.label, state: m.to},
          );
        case 'app':
          return translate(
            {id: 'livecode.moment.state.app', message: '{host} 쪽 소켓이 서버 프로그램의 {call} 호출로 {state} 상태가 됐어요'},
            {host: m.host, call: appCall(m.to), state: m.to},
          );
        case 'timer':
          if (c.timer === 'time-wait') {
            return translate(
              {id: 'livecode.moment.state.timeWait', message: '{host} 쪽 소켓의 TIME-WAIT 60초가 끝나 {state} 상태가 됐어요'},
              {host: m.host, state: m.to},
            );
          }
          if (c.timer === 'fin-wait-2') {
            return translate(
              {id: 'livecode.moment.state.finWait2', message: '{host} 쪽 소켓이 FIN-WAIT-2에서 상대의 FIN을 기다리다 60초가 지나 {state} 상태가 됐어요'},
              {host: m.host, state: m.to},
            );
          }
          return translate(
            {id: 'livecode.moment.state.timer', message: '{host} 쪽 소켓이 기다리던 시간이 다 되어 {state} 상태가 됐어요'},
            {host: m.host, state: m.to},
          );
      }
      break;
    }
    case 'print':
      return translate({id: 'livecode.moment.print', message: '프로그램이 출력했어요: {text}'}, {text: m.text});
  }
  return '';
}

/** "t=15 ms · server 쪽 소켓이 …" */
export function momentCaption(m: Moment): string {
  return `t=${m.t.toLocaleString('en-US')} ms · ${momentWords(m)}`;
}
