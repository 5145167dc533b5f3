/**
 * A segment's cause (recorded by the simulator, src/sim/api.ts SegmentCause) in the reader's words, with
 * the RFC section that asks for it. The UI only words the cause; it never works one out.
 */
import {translate} from '@docusaurus/Translate';
import type {CallEffect, SegmentCause, SegmentRule, SegmentTimer} from '../../sim/api';
import {RFC} from './causeRfc';


function effectText(e: CallEffect): string {
  switch (e) {
    case 'rst-unread-data':
      return translate({id: 'livecode.why.rstUnread', message: '읽지 않은 데이터가 남은 채 닫았기 때문에 FIN 대신 RST를 보내요.'});
    case 'rst-listener-closed':
      return translate({id: 'livecode.why.listenerClosed', message: '듣기 소켓을 닫아서, 아직 accept()하지 않은 연결을 RST로 끊어요.'});
    case 'ack-at-eof':
      return translate({id: 'livecode.why.ackAtEof', message: 'read()가 FIN까지 읽어서, 미뤄 둔 ACK를 바로 보내요.'});
    case 'window-update':
      return translate({id: 'livecode.why.windowUpdate', message: 'read()로 수신 버퍼가 많이 비어서, 커진 윈도를 알려요.'});
  }
}

function timerText(t: SegmentTimer): string {
  switch (t) {
    case 'delayed-ack':
      return translate({id: 'livecode.why.delayedAck', message: '지연 ACK 타이머가 끝났어요(리눅스는 40 ms부터, 최대 200 ms). ACK를 실어 보낼 답장이 없었어요.'});
    case 'retransmit':
      return translate({id: 'livecode.why.retransmit', message: '재전송 타이머가 끝날 때까지 ACK가 오지 않아 다시 보냈어요.'});
    case 'syn-retransmit':
      return translate({id: 'livecode.why.synRetransmit', message: 'SYN+ACK가 오지 않아 SYN을 다시 보냈어요 (재전송 타이머).'});
    case 'synack-retransmit':
      return translate({id: 'livecode.why.synAckRetransmit', message: 'SYN+ACK를 받았다는 ACK가 오지 않아 다시 보냈어요 (재전송 타이머).'});
    case 'persist':
      return translate({id: 'livecode.why.persist', message: '상대의 윈도가 0이라서, 윈도가 열렸는지 묻는 탐색 세그먼트예요.'});
    case 'loss-probe':
      return translate({id: 'livecode.why.lossProbe', message: '보낸 데이터의 끝이 두 왕복 시간쯤 확인되지 않아, ACK를 끌어내려고 보낸 탐색 세그먼트예요 (테일 손실 탐색).'});
  }
}

function ruleText(r: SegmentRule): string {
  switch (r) {
    case 'syn-ack':
      return translate({id: 'livecode.why.synAck', message: '듣고 있던 소켓이 SYN을 받고 답했어요.'});
    case 'syn-cookie':
      return translate({id: 'livecode.why.synCookie', message: '반쯤 열린 연결이 너무 많아, 상태를 남기지 않는 SYN 쿠키로 답했어요.'});
    case 'simultaneous-open':
      return translate({id: 'livecode.why.simultaneousOpen', message: 'SYN-SENT에서 상대의 SYN을 받았어요 (동시 열기).'});
    case 'syn-ack-again':
      return translate({id: 'livecode.why.synAckAgain', message: 'SYN이 다시 와서 SYN+ACK를 다시 보냈어요.'});
    case 'handshake-ack':
      return translate({id: 'livecode.why.handshakeAck', message: 'SYN+ACK를 받아 핸드셰이크의 마지막 ACK를 보냈어요.'});
    case 'ack-two-segments':
      return translate({id: 'livecode.why.ackTwo', message: '꽉 찬 세그먼트를 두 개 받아서 기다리지 않고 바로 확인했어요.'});
    case 'quick-ack':
      return translate({id: 'livecode.why.quickAck', message: '연결 초반이라 기다리지 않고 바로 확인했어요 (퀵 ACK: 보내는 쪽의 윈도가 빨리 커지도록).'});
    case 'ack-duplicate-data':
      return translate({id: 'livecode.why.ackDuplicate', message: '이미 받은 데이터가 다시 와서, 바로 확인했어요.'});
    case 'ack-out-of-order':
      return translate({id: 'livecode.why.ackOutOfOrder', message: '순서가 어긋난 데이터를 받아, 기다리는 바이트 번호를 바로 다시 알렸어요 (중복 ACK).'});
    case 'ack-gap-filled':
      return translate({id: 'livecode.why.ackGapFilled', message: '비어 있던 자리를 채우는 데이터를 받아 바로 확인했어요.'});
    case 'ack-of-fin':
      return translate({id: 'livecode.why.ackOfFin', message: '상대의 FIN을 받아 바로 확인했어요.'});
    case 'ack-unacceptable':
      return translate({id: 'livecode.why.ackUnacceptable', message: '받을 수 있는 범위 밖의 세그먼트를 받아, 기다리는 번호를 ACK로 알렸어요.'});
    case 'ack-too-new':
      return translate({id: 'livecode.why.ackTooNew', message: '보낸 적 없는 바이트를 확인하는 ACK를 받아 ACK로 답했어요.'});
    case 'challenge-ack':
      return translate({id: 'livecode.why.challengeAck', message: '번호가 정확히 맞지 않는 RST나 SYN을 받아, 진짜인지 확인하는 챌린지 ACK를 보냈어요.'});
    case 'time-wait-ack':
      return translate({id: 'livecode.why.timeWaitAck', message: 'TIME-WAIT 동안 FIN이 다시 와서 다시 확인했어요.'});
    case 'window-opened':
      return translate({id: 'livecode.why.windowOpened', message: '상대의 ACK로 윈도에 자리가 생겨, 송신 버퍼에서 기다리던 것이 나갔어요.'});
    case 'fast-retransmit':
      return translate({id: 'livecode.why.fastRetransmit', message: '중복 ACK를 세 번 받아 빠진 세그먼트를 바로 다시 보냈어요.'});
    case 'loss-recovery':
      return translate({id: 'livecode.why.lossRecovery', message: '빠른 재전송 뒤 일부만 확인하는 ACK가 와서, 빠진 다음 세그먼트를 바로 다시 보냈어요.'});
    case 'rst-closed-port':
      return translate({id: 'livecode.why.rstClosedPort', message: '그 포트에서 듣고 있는 소켓이 없어서 RST로 거절했어요.'});
    case 'rst-no-connection':
      return translate({id: 'livecode.why.rstNoConnection', message: '이 세그먼트가 속할 연결이 없어서 RST로 답했어요.'});
    case 'rst-bad-ack':
      return translate({id: 'livecode.why.rstBadAck', message: '핸드셰이크 중에 보낸 적 없는 번호를 확인하는 ACK를 받아 RST로 답했어요.'});
    case 'rst-data-after-close':
      return translate({id: 'livecode.why.rstDataAfterClose', message: '읽기를 닫은 소켓에 새 데이터가 와서, 버려졌다고 RST로 알렸어요.'});
  }
}

export interface CauseWords {
  /** the reason in a sentence */
  text: string;
  /** "RFC 9293 §3.10.7.1", when a section asks for it */
  rfc: string | null;
}

/** The cause in words. `callText` words a call cause's call (its label and source line). */
export function causeWords(cause: SegmentCause): CauseWords {
  switch (cause.kind) {
    case 'call':
      return cause.effect ? {text: effectText(cause.effect), rfc: RFC[cause.effect]} : {text: '', rfc: null};
    case 'timer':
      return {text: timerText(cause.timer), rfc: RFC[cause.timer]};
    case 'rule':
      return {text: ruleText(cause.rule), rfc: RFC[cause.rule]};
  }
}
