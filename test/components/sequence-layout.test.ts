/**
 * Geometry of the sequence diagram: lanes, arrows, states on the lanes, connections told apart, and the
 * guarantee that no label touches another label or any arrow, for the hand-written trace and for real
 * runs of chapter-like programs (several connections, a long transfer).
 */
import {describe, expect, test} from 'vitest';
import {inspectAt, type InspectorState} from '../../src/runner/inspect';
import {runInProcess} from '../../src/runner/run';
import {
  layoutDiagram,
  lineHitsBox,
  overlaps,
  visibleRows,
  type Box,
  type DiagramLayout,
} from '../../src/components/SequenceDiagram/layout';
import {segmentLabel, type Notation} from '../../src/components/SequenceDiagram/labels';
import {estimateWidth} from '../../src/components/SequenceDiagram/measure';
import {HTTP_CALLS, HTTP_TRACE} from './fixtures/httpTrace';

const words = {data: (n: number) => `data ${n} bytes`};
const koWords = {data: (n: number) => `데이터 ${n}바이트`};

function layoutOf(state: InspectorState, notation: Notation = 'readable', w = words): DiagramLayout {
  return layoutDiagram({
    segments: state.segments,
    stateChanges: state.stateChanges,
    hostOrder: state.hosts.map((h) => h.name),
    label: (s) => segmentLabel(s, notation, w),
    measure: estimateWidth,
  });
}

function run(code: string): InspectorState {
  const r = runInProcess({code});
  return inspectAt(r.trace, r.trace.length, r.calls);
}

/** every text box of the layout, with what it is */
function textBoxes(layout: DiagramLayout): {what: string; box: Box}[] {
  return layout.rows.flatMap((r) => {
    if (r.kind === 'conn') return [{what: `title ${r.conn.title}`, box: r.box}];
    if (r.kind === 'state') return r.pills.map((p) => ({what: `state ${p.host} ${p.state}`, box: p.box}));
    return [
      {what: `label #${r.arrow.seg.id} ${r.arrow.label}`, box: r.arrow.labelBox},
      {what: `time #${r.arrow.seg.id}`, box: r.timeBox},
    ];
  });
}

function expectNoCollisions(layout: DiagramLayout) {
  const boxes = textBoxes(layout);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i].box, boxes[j].box), `${boxes[i].what} / ${boxes[j].what}`).toBe(false);
    }
  }
  for (const r of layout.rows) {
    if (r.kind !== 'segment') continue;
    const a = r.arrow;
    for (const b of boxes) {
      // a loop's curve stays inside its control points' hull: test that hull's straight sides
      const lines = a.loop
        ? [[a.x1, a.y1, a.x1 + 36, a.y1], [a.x1 + 36, a.y1, a.x1 + 36, a.y2], [a.x1 + 36, a.y2, a.x2, a.y2]]
        : [[a.x1, a.y1, a.x2, a.y2]];
      for (const [x1, y1, x2, y2] of lines) {
        expect(lineHitsBox(x1, y1, x2, y2, b.box), `arrow #${a.seg.id} crosses ${b.what}`).toBe(false);
      }
    }
  }
}

describe('rows and arrows (hand-written HTTP trace)', () => {
  const state = inspectAt(HTTP_TRACE, HTTP_TRACE.length, HTTP_CALLS);
  const layout = layoutOf(state);
  const arrows = layout.rows.flatMap((r) => (r.kind === 'segment' ? [r.arrow] : []));

  test('one lane per host that sent or received a segment, the program host first, left to right', () => {
    expect(layout.lanes.map((l) => l.host)).toEqual(['client', 'www.example.com']);
    expect(layout.lanes[1].x).toBeGreaterThan(layout.lanes[0].x);
  });

  test('every arrow goes from its sender lane down to its receiver lane; the lost one stops halfway', () => {
    const x = new Map(layout.lanes.map((l) => [l.host, l.x]));
    for (const a of arrows) {
      expect(a.x1).toBe(x.get(a.seg.fromHost));
      expect(a.x2).toBe(a.lost ? (x.get('client')! + x.get('www.example.com')!) / 2 : x.get(a.seg.toHost));
      expect(a.y2).toBeGreaterThan(a.y1);
    }
    expect(arrows.filter((a) => a.lost).map((a) => a.seg.id)).toEqual([4]);
    expect(arrows.find((a) => a.lost)!.head).toBeNull();
  });

  test('segments are drawn in send order, each row below the one before', () => {
    expect(arrows.map((a) => a.seg.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ys = layout.rows.map((r) => r.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBe(ys[i - 1] + layout.rows[i - 1].h);
  });

  test('the states are written on the lanes where they change, in the trace\'s order', () => {
    const states = layout.rows.flatMap((r) => (r.kind === 'state' ? r.pills.map((p) => `${p.host} ${p.state}`) : []));
    expect(states).toEqual([
      'client SYN-SENT',
      'client ESTABLISHED',
      'www.example.com ESTABLISHED',
      'client FIN-WAIT-1',
      'www.example.com LAST-ACK',
      'client TIME-WAIT',
    ]);
  });

  test('one connection, titled with both ends and their ports', () => {
    expect(layout.conns.map((c) => c.title)).toEqual(['client:40000 → www.example.com:80']);
  });

  test('no label touches another label or an arrow, in both notations and both languages', () => {
    expectNoCollisions(layout);
    expectNoCollisions(layoutOf(state, 'compact'));
    expectNoCollisions(layoutOf(state, 'readable', koWords));
  });

  test('visibleRows gives exactly the rows meeting a band', () => {
    const [first, last] = visibleRows(layout.rows, 100, 200);
    const meets = layout.rows.map((r, i) => [i, r.y < 200 && r.y + r.h > 100] as const).filter(([, m]) => m).map(([i]) => i);
    expect([first, last]).toEqual([meets[0], meets.at(-1)! + 1]);
  });
});

describe('labels', () => {
  const state = inspectAt(HTTP_TRACE, HTTP_TRACE.length, HTTP_CALLS);
  const label = (n: Notation) => state.segments.map((s) => segmentLabel(s, n, words));

  test('readable: flag names joined with +, data as its byte count, relative seq/ack', () => {
    expect(label('readable')).toEqual([
      'SYN seq=0',
      'SYN+ACK seq=0 ack=1',
      'ACK seq=1 ack=1',
      'data 18 bytes seq=1 ack=1',
      'data 18 bytes seq=1 ack=1',
      'data 17 bytes seq=1 ack=19',
      'FIN+ACK seq=19 ack=18',
      'FIN+ACK seq=18 ack=20',
      'ACK seq=20 ack=19',
    ]);
  });

  test('compact: tcpdump\'s flags with a dot for ACK, and the byte range with its length', () => {
    expect(label('compact')).toEqual([
      '[S] seq 0',
      '[S.] seq 0 ack 1',
      '[.] seq 1 ack 1',
      '[P.] 1:19(18) ack 1',
      '[P.] 1:19(18) ack 1',
      '[P.] 1:18(17) ack 19',
      '[F.] seq 19 ack 18',
      '[F.] seq 18 ack 20',
      '[.] seq 20 ack 19',
    ]);
  });
});

describe('real runs', () => {
  test('three HTTP/1.0 fetches in a row are three connections, each with its own client port and colour index', () => {
    const state = run(`
      const ip = resolve('www.example.com');
      for (let i = 0; i < 3; i++) {
        const fd = socket();
        connect(fd, ip, 80);
        write(fd, 'GET / HTTP/1.0\\r\\n\\r\\n');
        while (read(fd, 4096) !== '') {}
        close(fd);
      }`);
    const layout = layoutOf(state);
    expect(layout.conns).toHaveLength(3);
    const ports = layout.conns.map((c) => /^client:(\d+) → www\.example\.com:80$/.exec(c.title)?.[1]);
    expect(new Set(ports).size).toBe(3);
    expect(ports.every(Boolean)).toBe(true);
    // every arrow belongs to the connection whose ports it carries
    for (const r of layout.rows) {
      if (r.kind !== 'segment') continue;
      const port = r.arrow.seg.fromHost === 'client' ? r.arrow.seg.from : r.arrow.seg.to;
      expect(port.endsWith(`:${ports[r.arrow.conn]}`)).toBe(true);
    }
    expectNoCollisions(layout);
  });

  test('a connection on one host (self-connect loops) and a refused connect lay out without collisions', () => {
    expectNoCollisions(
      layoutOf(
        run(`
          const s = socket(); bind(s, '0.0.0.0', 8080); listen(s, 5);
          const c = socket(); connect(c, '10.0.0.2', 8080);
          const a = accept(s); write(c, 'hi'); read(a, 10); close(c); close(a);
          try { connect(socket(), '10.0.0.3', 9); } catch (e) {}`),
      ),
    );
  });

  test('the handshake writes SYN-SENT then ESTABLISHED on the client lane, SYN-RECEIVED then ESTABLISHED on the server\'s (RFC 9293 §3.5)', () => {
    const layout = layoutOf(
      run(`
        on('server', () => { const s = socket(); bind(s, '0.0.0.0', 8080); listen(s, 5); });
        const fd = socket(); connect(fd, '10.0.0.3', 8080);`),
    );
    const lane = (host: string) =>
      layout.rows.flatMap((r) => (r.kind === 'state' ? r.pills.filter((p) => p.host === host).map((p) => p.state) : []));
    expect(lane('client')).toEqual(['SYN-SENT', 'ESTABLISHED']);
    expect(lane('server')).toEqual(['SYN-RECEIVED', 'ESTABLISHED']);
  });
});
