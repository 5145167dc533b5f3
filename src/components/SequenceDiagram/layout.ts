/**
 * Geometry of the sequence diagram, as a pure function of the segments and state changes so it can be
 * tested without a browser.
 *
 * The diagram is a stack of rows in trace order: a connection's title when it first appears, a row of
 * TCP states written on the lanes where they change, and one row per segment. A segment's row holds its
 * label above and its arrow below (the arrow only descends from where the label ends), so a label can
 * never touch another label or arrow: no two rows share any height, and inside a row the label box and
 * the arrow are apart by construction. Lanes are spaced by the widest label, so a label also stays
 * between its own arrow's lanes. Rows make windowing easy: only rows on screen are drawn.
 */
import type {SegmentRow, StateChange} from '../../runner/inspect';
import type {TcpState} from '../../sim/api';

/** width of the time column on the left */
export const TIME_COL = 56;
export const HEADER = 44;
const SEG_ROW = 44;
const STATE_ROW = 24;
const CONN_ROW = 24;
/** where the label box sits in a segment row, and where the arrow starts and ends */
const LABEL_TOP = 3;
const LABEL_H = 14;
const ARROW_TOP = 21;
const ARROW_BOTTOM = 35;
const PILL_H = 16;
const LABEL_PAD = 8;
const MIN_GAP = 150;
const HEAD = 8;
const LOOP_W = 36;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Lane {
  host: string;
  x: number;
}

/** One connection: both directions of one address pair, numbered in order of appearance. */
export interface Conn {
  index: number;
  /** "10.0.0.2:40312|93.184.216.34:80" with the endpoints sorted */
  key: string;
  /** "client:51234 → www.example.com:80": the side that spoke first on the left */
  title: string;
}

export interface Arrow {
  seg: SegmentRow;
  conn: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lost: boolean;
  loop: boolean;
  /** the arrowhead (three points), absent for a lost segment */
  head: string | null;
  /** the path of the line (a loop curves back into its lane) */
  path: string;
  label: string;
  labelBox: Box;
  labelAnchor: 'start' | 'end';
  /** baseline of the label text */
  labelX: number;
  labelY: number;
}

export interface Pill {
  host: string;
  conn: number;
  state: TcpState;
  box: Box;
}

export type Row =
  | {kind: 'conn'; y: number; h: number; conn: Conn; box: Box}
  | {kind: 'state'; y: number; h: number; pills: Pill[]; t: number}
  | {kind: 'segment'; y: number; h: number; arrow: Arrow; timeBox: Box};

export interface DiagramLayout {
  width: number;
  height: number;
  lanes: Lane[];
  conns: Conn[];
  rows: Row[];
  /** the row of each segment id */
  rowOfSegment: Map<number, number>;
}

export interface LayoutInput {
  segments: SegmentRow[];
  stateChanges?: StateChange[];
  /** host names in the trace's order (the lanes follow it) */
  hostOrder: string[];
  /** the text on a segment's arrow */
  label: (s: SegmentRow) => string;
  /** the width in px a text takes: 'label' (11 px mono), 'state' (10 px bold), 'host' (13 px bold) */
  measure: (text: string, kind: 'label' | 'state' | 'host') => number;
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

const connKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const portOf = (addr: string): string => addr.slice(addr.lastIndexOf(':') + 1);

/** Segments and state changes merged in trace order. */
type Item = {kind: 'seg'; seg: SegmentRow; i: number} | {kind: 'state'; change: StateChange};

export function layoutDiagram(input: LayoutInput): DiagramLayout {
  const {segments, label, measure} = input;
  const hosts = lanesFor(segments, input.hostOrder);
  const hostSet = new Set(hosts);
  const changes = (input.stateChanges ?? []).filter((c) => hostSet.has(c.host));

  // lane spacing: the widest label and state fit between two lanes, host names do not touch
  const labels = segments.map(label);
  const widest = Math.max(0, ...labels.map((l) => measure(l, 'label')));
  const widestPill = Math.max(0, ...changes.map((c) => measure(c.state, 'state') + 2 * LABEL_PAD));
  const widestHost = Math.max(0, ...hosts.map((h) => measure(h, 'host')));
  const gap = Math.ceil(Math.max(MIN_GAP, widest + 2 * LABEL_PAD + 12, widestPill + 12, widestHost + 16));
  const firstX = Math.ceil(TIME_COL + 8 + Math.max(widestPill, widestHost) / 2);
  const lanes = hosts.map((host, i) => ({host, x: firstX + i * gap}));
  const laneX = new Map(lanes.map((l) => [l.host, l.x]));

  const items: Item[] = [
    ...segments.map((seg, i) => ({kind: 'seg' as const, seg, i})),
    ...changes.map((change) => ({kind: 'state' as const, change})),
  ].sort((a, b) => (a.kind === 'seg' ? a.seg.at : a.change.at) - (b.kind === 'seg' ? b.seg.at : b.change.at));

  // connections: numbered as they appear; titled from the side that spoke first
  const conns: Conn[] = [];
  const connIndex = new Map<string, number>();
  const connOf = (from: string, to: string, fromHost: string, toHost: string): {index: number; isNew: boolean} => {
    const key = connKey(from, to);
    const known = connIndex.get(key);
    if (known !== undefined) return {index: known, isNew: false};
    const index = conns.length;
    conns.push({index, key, title: `${fromHost}:${portOf(from)} → ${toHost}:${portOf(to)}`});
    connIndex.set(key, index);
    return {index, isNew: true};
  };

  const rows: Row[] = [];
  const rowOfSegment = new Map<number, number>();
  let y = 4;
  let right = (lanes.at(-1)?.x ?? firstX) + Math.max(widestPill, widestHost) / 2 + 8;
  let stateRow: Extract<Row, {kind: 'state'}> | null = null;

  const addConnRow = (conn: Conn) => {
    const w = measure(conn.title, 'label') + 18;
    const box = {x: TIME_COL, y: y + 4, w, h: LABEL_H + 2};
    rows.push({kind: 'conn', y, h: CONN_ROW, conn, box});
    right = Math.max(right, box.x + box.w);
    y += CONN_ROW;
    stateRow = null;
  };

  for (const item of items) {
    if (item.kind === 'state') {
      const c = item.change;
      // a state change names its socket's own address first; the connection may be new here (SYN-SENT)
      const {index, isNew} = connOf(c.local, c.peer, c.host, hostOfPeer(c, segments) ?? c.peer.split(':')[0]);
      if (isNew) addConnRow(conns[index]);
      const x = laneX.get(c.host)!;
      const w = measure(c.state, 'state') + 2 * LABEL_PAD;
      // one pill per lane and row: a second change on the same lane starts a new row
      if (!stateRow || stateRow.pills.some((p) => p.host === c.host)) {
        stateRow = {kind: 'state', y, h: STATE_ROW, pills: [], t: c.t};
        rows.push(stateRow);
        y += STATE_ROW;
      }
      stateRow.pills.push({host: c.host, conn: index, state: c.state, box: {x: x - w / 2, y: stateRow.y + 4, w, h: PILL_H}});
      continue;
    }
    const seg = item.seg;
    const {index, isNew} = connOf(seg.from, seg.to, seg.fromHost, seg.toHost);
    if (isNew) addConnRow(conns[index]);
    stateRow = null;
    const arrow = arrowFor(seg, index, labels[item.i], y, laneX, measure);
    rowOfSegment.set(seg.id, rows.length);
    rows.push({kind: 'segment', y, h: SEG_ROW, arrow, timeBox: {x: 2, y: y + ARROW_TOP - 9, w: TIME_COL - 8, h: 12}});
    right = Math.max(right, arrow.labelBox.x + arrow.labelBox.w + 4, arrow.loop ? arrow.x1 + LOOP_W + 4 : 0);
    y += SEG_ROW;
  }

  return {width: Math.ceil(right + 8), height: y + 8, lanes, conns, rows, rowOfSegment};
}

/** The peer's host name of a state change, from any segment of the same connection. */
function hostOfPeer(c: StateChange, segments: SegmentRow[]): string | null {
  for (const s of segments) {
    if (s.from === c.peer && s.to === c.local) return s.fromHost;
    if (s.to === c.peer && s.from === c.local) return s.toHost;
  }
  return null;
}

function arrowFor(
  seg: SegmentRow,
  conn: number,
  label: string,
  rowY: number,
  laneX: Map<string, number>,
  measure: LayoutInput['measure'],
): Arrow {
  const x1 = laneX.get(seg.fromHost)!;
  const xTo = laneX.get(seg.toHost) ?? x1 + 120;
  const lost = seg.arrives === null;
  const loop = seg.fromHost === seg.toHost;
  const y1 = rowY + ARROW_TOP;
  const x2 = loop ? x1 : lost ? (x1 + xTo) / 2 : xTo;
  const y2 = rowY + ARROW_BOTTOM;
  const rightwards = loop || xTo > x1;
  const w = measure(label, 'label');
  const labelX = loop ? x1 + LOOP_W + LABEL_PAD : x1 + (rightwards ? LABEL_PAD : -LABEL_PAD);
  const labelBox: Box = {x: rightwards ? labelX : labelX - w, y: rowY + LABEL_TOP, w, h: LABEL_H};
  const path = loop
    ? `M ${x1} ${y1} C ${x1 + LOOP_W} ${y1}, ${x1 + LOOP_W} ${y2}, ${x2} ${y2}`
    : `M ${x1} ${y1} L ${x2} ${y2}`;
  // (a loop's label sits to the right of its curve, at the height the curve starts)
  if (loop) labelBox.y = rowY + ARROW_TOP - LABEL_H / 2 + 4;
  return {
    seg,
    conn,
    x1,
    y1,
    x2,
    y2,
    lost,
    loop,
    head: lost ? null : arrowHead(x1, y1, x2, y2, loop),
    path,
    label,
    labelBox,
    labelAnchor: rightwards ? 'start' : 'end',
    labelX,
    labelY: labelBox.y + LABEL_H - 3,
  };
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

/** Rows [first, last) that meet the band [top, bottom) (rows are in y order). */
export function visibleRows(rows: Row[], top: number, bottom: number): [number, number] {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].y + rows[mid].h <= top) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < rows.length && rows[end].y < bottom) end++;
  return [lo, end];
}

/** Do two boxes overlap (touching edges do not count)? */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Does the straight segment (x1,y1)–(x2,y2) pass through the box? (Liang–Barsky clipping) */
export function lineHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const edges: [number, number][] = [
    [-dx, x1 - b.x],
    [dx, b.x + b.w - x1],
    [-dy, y1 - b.y],
    [dy, b.y + b.h - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}
