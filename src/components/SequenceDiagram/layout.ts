/**
 * Geometry of the sequence diagram, as a pure function of the segments so it can be tested.
 *
 * Time runs down. Every send and every arrival gets its own row in time order, so two segments sent in
 * the same virtual millisecond never draw on top of each other; the gap between rows grows with the
 * time between them (6 px per ms) but is capped, and a capped gap is marked as compressed.
 */
import type {SegmentRow} from '../../runner/inspect';

export const TOP = 56;
export const LEFT = 72;
export const LANE_GAP = 220;
export const RIGHT = 72;
export const BOTTOM = 24;
const PX_PER_MS = 6;
const SAME_TIME_GAP = 22;
const MIN_GAP = 26;
const MAX_GAP = 64;
const LOST_DROP = 22;
const HEAD = 8;

export interface Lane {
  host: string;
  x: number;
}

export interface Arrow {
  seg: SegmentRow;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lost: boolean;
  /** tcpdump-like: "S seq=0", "SA seq=0 ack=1", "PA 1:43(42)" */
  label: string;
  /** the label sits just above where the arrow leaves, on the side it goes to, so the line never crosses it */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end';
  /** the arrowhead (three points), absent for a lost segment */
  head: string | null;
  /** a segment a host sent to itself is drawn as a loop */
  loop: boolean;
}

export interface Tick {
  t: number;
  y: number;
  /** the time gap above this tick was shortened to keep the diagram compact */
  compressed: boolean;
  /** false when too close to the previous labelled tick to print its time */
  labelled: boolean;
}

export interface DiagramLayout {
  width: number;
  height: number;
  lanes: Lane[];
  arrows: Arrow[];
  ticks: Tick[];
}

export function segmentLabel(s: SegmentRow): string {
  const seq = s.relSeq ?? s.seq;
  if (s.len > 0) return `${s.flags} ${seq}:${seq + s.len}(${s.len})`;
  const ack = s.relAck ?? s.ack;
  return s.flags.includes('A') && ack !== null ? `${s.flags} seq=${seq} ack=${ack}` : `${s.flags} seq=${seq}`;
}

/** Lanes: the hosts that sent or received a segment, in the order given (the trace's order of hosts). */
export function lanesFor(segments: SegmentRow[], hostOrder: string[]): string[] {
  const used = new Set<string>();
  for (const s of segments) {
    used.add(s.fromHost);
    used.add(s.toHost);
  }
  const ordered = hostOrder.filter((h) => used.has(h));
  for (const h of used) if (!ordered.includes(h)) ordered.push(h);
  return ordered;
}

interface TimeEvent {
  t: number;
  /** arrivals sort before sends at the same time: what arrives is what the reply answers */
  order: 0 | 1;
  segIndex: number;
  kind: 'send' | 'arrive';
}

export function layoutDiagram(segments: SegmentRow[], hostOrder: string[]): DiagramLayout {
  const hosts = lanesFor(segments, hostOrder);
  const lanes = hosts.map((host, i) => ({host, x: LEFT + i * LANE_GAP}));
  const laneX = new Map(lanes.map((l) => [l.host, l.x]));

  const events: TimeEvent[] = [];
  segments.forEach((s, i) => {
    events.push({t: s.t, order: 1, segIndex: i, kind: 'send'});
    if (s.arrives !== null) events.push({t: s.arrives, order: 0, segIndex: i, kind: 'arrive'});
  });
  events.sort((a, b) => a.t - b.t || a.order - b.order || segments[a.segIndex].id - segments[b.segIndex].id);

  const sendY = new Map<number, number>();
  const arriveY = new Map<number, number>();
  const ticks: Tick[] = [];
  let y = TOP + 12;
  let prevT: number | null = null;
  let lastLabelY = -Infinity;
  for (const ev of events) {
    let compressed = false;
    if (prevT !== null) {
      const dt = ev.t - prevT;
      const wanted = dt * PX_PER_MS;
      compressed = wanted > MAX_GAP;
      y += dt === 0 ? SAME_TIME_GAP : Math.min(MAX_GAP, Math.max(MIN_GAP, wanted));
    }
    if (prevT === null || ev.t !== prevT) {
      const labelled = y - lastLabelY >= 16;
      if (labelled) lastLabelY = y;
      ticks.push({t: ev.t, y, compressed, labelled});
    }
    (ev.kind === 'send' ? sendY : arriveY).set(ev.segIndex, y);
    prevT = ev.t;
  }

  const arrows: Arrow[] = segments.map((seg, i) => {
    const x1 = laneX.get(seg.fromHost)!;
    const xTo = laneX.get(seg.toHost)!;
    const y1 = sendY.get(i)!;
    const lost = seg.arrives === null;
    const loop = seg.fromHost === seg.toHost;
    const x2 = lost ? (loop ? x1 + 40 : (x1 + xTo) / 2) : xTo;
    // (a zero-latency link would sort the arrival beside the send: keep every arrow pointing down)
    const y2 = lost ? y1 + LOST_DROP : Math.max(arriveY.get(i)!, y1 + SAME_TIME_GAP);
    const label = segmentLabel(seg);
    const rightwards = loop || xTo > x1;
    const labelX = loop ? x1 + 48 : x1 + (rightwards ? 10 : -10);
    const labelY = y1 - 5;
    const labelAnchor = rightwards ? 'start' : 'end';
    const head = lost ? null : arrowHead(x1, y1, x2, y2, loop);
    return {seg, x1, y1, x2, y2, lost, label, labelX, labelY, labelAnchor, head, loop};
  });

  const lastY = Math.max(y, ...arrows.map((a) => a.y2));
  // room for labels that stick out to the right (loops); ~7 px per 11 px monospace character
  const labelRight = (a: Arrow) => (a.labelAnchor === 'start' ? a.labelX + a.label.length * 7 : a.labelX) + 8;
  const width = Math.ceil(Math.max(LEFT + Math.max(0, lanes.length - 1) * LANE_GAP + RIGHT, ...arrows.map(labelRight)));
  return {width, height: lastY + BOTTOM, lanes, arrows, ticks};
}

function arrowHead(x1: number, y1: number, x2: number, y2: number, loop: boolean): string {
  // a loop comes back into its lane from the right
  const [dx, dy] = loop ? [-1, 0] : [x2 - x1, y2 - y1];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = x2 - ux * HEAD;
  const by = y2 - uy * HEAD;
  const px = -uy * (HEAD / 2);
  const py = ux * (HEAD / 2);
  return `${x2},${y2} ${bx + px},${by + py} ${bx - px},${by - py}`;
}
