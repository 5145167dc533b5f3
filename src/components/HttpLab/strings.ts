/**
 * Every word the lab shows, through Docusaurus translate() (Korean is the default message; English is in
 * i18n/en/code.json). Kept in one place so the same id always carries the same default message.
 */
import {translate} from '@docusaurus/Translate';
import type {LabMode} from '../../lab/modes';
import type {PhaseKind} from '../../lab/metrics';

export function modeName(mode: LabMode): string {
  switch (mode) {
    case 'http10-sequential':
      return translate({id: 'httplab.mode.http10Sequential', message: 'HTTP/1.0 순차'});
    case 'http10-parallel':
      return translate({id: 'httplab.mode.http10Parallel', message: 'HTTP/1.0 병렬'});
    case 'http11-persistent':
      return translate({id: 'httplab.mode.http11Persistent', message: 'HTTP/1.1 지속'});
    case 'http11-six':
      return translate({id: 'httplab.mode.http11Six', message: 'HTTP/1.1 연결 6개'});
    case 'http11-pipelined':
      return translate({id: 'httplab.mode.http11Pipelined', message: 'HTTP/1.1 파이프라인'});
  }
}

export function modeHint(mode: LabMode): string {
  switch (mode) {
    case 'http10-sequential':
      return translate({id: 'httplab.hint.http10Sequential', message: '자원마다 새 연결, 한 번에 하나씩'});
    case 'http10-parallel':
      return translate({id: 'httplab.hint.http10Parallel', message: '자원마다 새 연결, 최대 6개를 동시에'});
    case 'http11-persistent':
      return translate({id: 'httplab.hint.http11Persistent', message: '연결 하나로 요청을 하나씩'});
    case 'http11-six':
      return translate({id: 'httplab.hint.http11Six', message: '브라우저가 실제로 하는 방식: 지속 연결을 최대 6개 열고, 연결마다 요청을 하나씩'});
    case 'http11-pipelined':
      return translate({id: 'httplab.hint.http11Pipelined', message: '연결 하나로 이미지 요청을 한꺼번에'});
  }
}

export function phaseName(kind: PhaseKind): string {
  switch (kind) {
    case 'handshake':
      return translate({id: 'httplab.phase.handshake', message: '핸드셰이크'});
    case 'request':
      return translate({id: 'httplab.phase.request', message: '요청 (응답 대기)'});
    case 'response':
      return translate({id: 'httplab.phase.response', message: '응답'});
    case 'close':
      return translate({id: 'httplab.phase.close', message: '연결 종료'});
  }
}

export const text = {
  region: () => translate({id: 'httplab.region', message: 'HTTP 실험실', description: 'Accessible name of the HTTP lab region'}),
  intro: () =>
    translate({
      id: 'httplab.intro',
      message:
        '이미지 수와 왕복 시간, 패킷 손실과 서버 처리 시간을 정하고 실행하면, 같은 페이지(HTML 하나와 이미지 N개)를 다섯 가지 방식으로 가져오는 실제 클라이언트 프로그램이 시뮬레이터의 웹 서버 www.example.com을 상대로 실행됩니다.',
    }),
  images: () => translate({id: 'httplab.images', message: '이미지 수'}),
  rtt: () => translate({id: 'httplab.rtt', message: '왕복 시간'}),
  rttUnit: () => translate({id: 'httplab.rttUnit', message: '밀리초 (클라이언트와 서버 사이 편도 지연은 그 절반)'}),
  imagesUnit: () => translate({id: 'httplab.imagesUnit', message: '개 (1–20)'}),
  loss: () => translate({id: 'httplab.loss', message: '패킷 손실'}),
  lossUnit: () =>
    translate({id: 'httplab.lossUnit', message: '% (0–30, 잃어버린 세그먼트는 스택이 다시 보냅니다)'}),
  think: () => translate({id: 'httplab.think', message: '서버 처리 시간'}),
  thinkUnit: () =>
    translate({id: 'httplab.thinkUnit', message: '밀리초 (0–1000, 응답마다; 한 연결의 요청은 차례로 처리됩니다)'}),
  tls: () =>
    translate({
      id: 'httplab.tls',
      message:
        '실제 웹은 대부분 HTTPS라서, 새 연결마다 TCP 핸드셰이크 뒤에 TLS 핸드셰이크가 왕복을 더 씁니다: TLS 1.3은 1 RTT, TLS 1.2는 2 RTT. 그만큼 새 연결이 더 비싸집니다(이 실험실의 시간에는 들어 있지 않습니다).',
    }),
  run: () => translate({id: 'httplab.run', message: '실행'}),
  running: () => translate({id: 'httplab.running', message: '다섯 가지 방식을 실행하는 중…'}),
  done: () => translate({id: 'httplab.done', message: '실행을 마쳤습니다.'}),
  failed: () => translate({id: 'httplab.failed', message: '실행하지 못했습니다: {message}'}),
  modeFailed: () => translate({id: 'httplab.modeFailed', message: '{mode}: 프로그램이 끝나지 못했습니다 ({message}).'}),
  results: () => translate({id: 'httplab.results', message: '결과'}),
  colMode: () => translate({id: 'httplab.col.mode', message: '방식'}),
  colConnections: () => translate({id: 'httplab.col.connections', message: '연결'}),
  colHandshakes: () => translate({id: 'httplab.col.handshakes', message: '핸드셰이크'}),
  colSegments: () => translate({id: 'httplab.col.segments', message: '세그먼트'}),
  colRoundTrips: () => translate({id: 'httplab.col.roundTrips', message: '왕복'}),
  colTime: () => translate({id: 'httplab.col.time', message: '총 시간'}),
  ms: () => translate({id: 'httplab.ms', message: '{ms} ms'}),
  waterfall: () => translate({id: 'httplab.waterfall', message: '{mode}의 워터폴: 연결마다 한 줄'}),
  waterfallEmpty: () => translate({id: 'httplab.waterfallEmpty', message: '실행하면 연결마다 한 줄씩 시간 막대가 나타납니다.'}),
  connection: () => translate({id: 'httplab.connection', message: '연결 {n}'}),
  phaseSpan: () => translate({id: 'httplab.phaseSpan', message: '{phase} {start}–{end} ms'}),
  showDiagram: () => translate({id: 'httplab.showDiagram', message: '연결 {n}의 시퀀스 다이어그램'}),
  diagramOf: () => translate({id: 'httplab.diagramOf', message: '{mode}, 연결 {n} (포트 {port})의 세그먼트'}),
  diagramHint: () =>
    translate({id: 'httplab.diagramHint', message: '화살표를 고르면 그 세그먼트를 보낸 프로그램 줄을 알려 줍니다.'}),
  segmentFromLine: () =>
    translate({id: 'httplab.segmentFromLine', message: '이 세그먼트는 프로그램 {line}번째 줄의 호출이 보냈습니다.'}),
  segmentFromKernel: () =>
    translate({
      id: 'httplab.segmentFromKernel',
      message: '이 세그먼트는 프로그램의 호출이 아니라 커널(또는 서버)이 스스로 보냈습니다.',
    }),
  closeDiagram: () => translate({id: 'httplab.closeDiagram', message: '다이어그램 닫기'}),
  axis: () => translate({id: 'httplab.axis', message: '가상 시간 (ms), 첫 SYN부터'}),
  legend: () => translate({id: 'httplab.legend', message: '범례'}),
  showCode: () => translate({id: 'httplab.showCode', message: '코드 보기'}),
  codeNote: (rttMs: number, lossPct: number, thinkMs: number) =>
    translate(
      {
        id: 'httplab.codeNote',
        message:
          '실험실이 실행하는 프로그램 그대로입니다. 고쳐서 여기서 실행해 볼 수 있습니다 (실험실과 같은 조건으로 실행됩니다: 왕복 시간 {rtt}밀리초, 패킷 손실 {loss}%, 서버 처리 시간 {think}밀리초).',
      },
      {rtt: rttMs, loss: lossPct, think: thinkMs},
    ),
  loadError: () =>
    translate({id: 'httplab.loadError', message: '이 부분을 불러오지 못했습니다. 표의 숫자는 그대로 읽을 수 있습니다.'}),
  explainFaster: () =>
    translate({
      id: 'httplab.explain.faster',
      message:
        '{fast} 방식이 {slow} 방식보다 {ratio}배 빨랐습니다({fastTime} 대 {slowTime}). {fast} 방식은 {fastCounts}이면 충분했지만 {slow} 방식은 {slowCounts}이 필요했습니다.',
    }),
  explainTied: () => translate({id: 'httplab.explain.tied', message: '{modes} 방식도 같은 시간에 끝났습니다.'}),
  explainAllSame: () => translate({id: 'httplab.explain.allSame', message: '모든 방식이 약 {time}로 같았습니다.'}),
  explainCounts: () => translate({id: 'httplab.explain.counts', message: '{connections}, {handshakes}, {roundTrips}'}),
  countConnections: () => translate({id: 'httplab.count.connections', message: '연결 {count}개'}),
  countHandshakes: () => translate({id: 'httplab.count.handshakes', message: '핸드셰이크 {count}번'}),
  countRoundTrips: () => translate({id: 'httplab.count.roundTrips', message: '왕복 {count}번'}),
  listAnd: () => translate({id: 'httplab.list.and', message: '{a}, {b}'}),
};
