/**
 * The segments on the wire as a sequence diagram (SVG): one lane per host, each connection in its own
 * colour under a title with its ports, TCP states written on the lanes where they change, one row per
 * segment with its label above its arrow (layout.ts guarantees nothing overlaps). Arrows are focusable
 * buttons: selecting one highlights the source line whose call was running and opens the segment's
 * details, with why it was sent. Only the rows on screen are drawn, so a long transfer stays quick.
 */
import {useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {CallLogRow, SegmentRow, StateChange} from '../../runner/inspect';
import {HEADER, TIME_COL, layoutDiagram, visibleRows, type Arrow, type DiagramLayout} from './layout';
import {segmentLabel, type Notation} from './labels';
import {estimateWidth, measurerFor} from './measure';
import SegmentDetail from './SegmentDetail';
import styles from './styles.module.css';

export interface SequenceDiagramProps {
  segments: SegmentRow[];
  /** state changes of the connections (written on the lanes); none: no states drawn */
  stateChanges?: StateChange[];
  /** host names in the trace's order (the lanes follow it) */
  hostOrder: string[];
  /** host name -> ip, for the lane headers */
  ips?: Record<string, string>;
  /** the calls so far, to name the call that sent a segment */
  calls?: CallLogRow[];
  /** the source line of the call that produced a segment */
  lineOfCall: (callId: number | null) => number | null;
  selectedLine: number | null;
  selectedSegment: number | null;
  onSelect: (segmentId: number, line: number | null) => void;
}

const COLOURS = 6;
/** rows drawn above and below the visible part, so a quick scroll shows no gap */
const OVERSCAN = 400;

const portOf = (addr: string): string => addr.slice(addr.lastIndexOf(':') + 1);

export function arrowName(a: Arrow): string {
  const s = a.seg;
  const base = `${s.fromHost}:${portOf(s.from)} → ${s.toHost}:${portOf(s.to)}, ${a.label}`;
  return a.lost ? `${base}, ${translate({id: 'livecode.seq.lost', message: '유실됨'})}` : base;
}

function dataWords(n: number): string {
  return translate({id: 'livecode.seq.data', message: '데이터 {n}바이트'}, {n});
}

export default function SequenceDiagram(props: SequenceDiagramProps): ReactNode {
  const {segments, lineOfCall, selectedLine, selectedSegment, onSelect} = props;
  const [notation, setNotation] = useState<Notation>('readable');
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [measure, setMeasure] = useState(() => estimateWidth);
  const [view, setView] = useState({top: 0, height: 720});
  const pendingFocus = useRef<number | null>(null);

  // measure with the page's fonts once mounted (the estimate before is never narrower)
  useLayoutEffect(() => {
    setMeasure(() => measurerFor(rootRef.current));
  }, []);

  const layout: DiagramLayout = useMemo(
    () =>
      layoutDiagram({
        segments,
        stateChanges: props.stateChanges,
        hostOrder: props.hostOrder,
        label: (s) => segmentLabel(s, notation, {data: dataWords}),
        measure,
      }),
    [segments, props.stateChanges, props.hostOrder, notation, measure],
  );

  const onScroll = () => {
    const el = scrollRef.current;
    // (before layout, or without one as in jsdom, the box has no height yet: assume a tall screen)
    if (el) setView({top: el.scrollTop, height: el.clientHeight || 720});
  };
  useEffect(onScroll, []);

  // a keyboard move to an arrow not drawn yet: focus it once its row is on screen
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const el = scrollRef.current?.querySelector<SVGGElement>(`[data-segment="${id}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });

  const arrows = useMemo(() => layout.rows.flatMap((r) => (r.kind === 'segment' ? [r.arrow] : [])), [layout]);
  const arrowIndex = useMemo(() => new Map(arrows.map((a, i) => [a.seg.id, i])), [arrows]);

  if (segments.length === 0) {
    return (
      <p className={styles.empty}>{translate({id: 'livecode.seq.empty', message: '아직 오간 세그먼트가 없습니다.'})}</p>
    );
  }

  const lineOf = (a: Arrow): number | null =>
    a.seg.cause.kind === 'call' && a.seg.cause.callId !== null ? lineOfCall(a.seg.cause.callId) : lineOfCall(a.seg.callId);

  const focusArrow = (i: number) => {
    const a = arrows[Math.max(0, Math.min(arrows.length - 1, i))];
    if (!a) return;
    const row = layout.rows[layout.rowOfSegment.get(a.seg.id)!];
    const el = scrollRef.current;
    if (el && (row.y < el.scrollTop || row.y + row.h > el.scrollTop + el.clientHeight - HEADER)) {
      el.scrollTop = Math.max(0, row.y - el.clientHeight / 3);
      onScroll();
    }
    pendingFocus.current = a.seg.id;
    scrollRef.current?.querySelector<SVGGElement>(`[data-segment="${a.seg.id}"]`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<SVGGElement>, a: Arrow) => {
    const i = arrowIndex.get(a.seg.id)!;
    const move = (to: number) => {
      e.preventDefault();
      focusArrow(to);
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(a.seg.id, lineOf(a));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(arrows.length - 1);
  };

  const [first, last] = visibleRows(layout.rows, view.top - OVERSCAN, view.top + view.height + OVERSCAN);
  const connClass = (i: number) => styles[`c${i % COLOURS}`];
  const selectedArrow = selectedSegment !== null ? arrows[arrowIndex.get(selectedSegment) ?? -1] : undefined;
  const callById = new Map((props.calls ?? []).map((c) => [c.callId, c]));

  return (
    <div className={styles.diagram} ref={rootRef}>
      <p className={styles.hint}>
        {translate({
          id: 'livecode.seq.hint',
          message: '화살표를 누르면 그 세그먼트의 자세한 내용과 보낸 이유(코드 줄, 타이머, 규칙)가 아래에 나와요.',
        })}
      </p>
      <div className={styles.controls}>
        <p className={styles.legend}>
          {translate({
            id: 'livecode.seq.legend',
            message:
              'SYN 연결 요청 · ACK 받았다는 확인 · FIN 보낼 것을 다 보냄 · RST 연결을 끊어 버림 · seq/ack 각 방향의 첫 바이트부터 센 번호',
          })}
        </p>
        <button
          type="button"
          className={clsx('button button--sm button--secondary', styles.toggle)}
          aria-pressed={notation === 'compact'}
          onClick={() => setNotation(notation === 'compact' ? 'readable' : 'compact')}>
          {translate({id: 'livecode.seq.compact', message: 'tcpdump 표기'})}
        </button>
      </div>
      <div
        ref={scrollRef}
        className={styles.scroll}
        role="region"
        tabIndex={0}
        aria-label={translate({id: 'livecode.seq.scroll', message: '시퀀스 다이어그램 (스크롤할 수 있음)'})}
        onScroll={onScroll}>
        <svg className={clsx(styles.svg, styles.header)} width={layout.width} height={HEADER} aria-hidden="true">
          {layout.lanes.map((l) => (
            <g key={l.host}>
              <text x={l.x} y={17} className={styles.laneName} textAnchor="middle">
                {l.host}
              </text>
              {props.ips?.[l.host] ? (
                <text x={l.x} y={33} className={styles.laneIp} textAnchor="middle">
                  {props.ips[l.host]}
                </text>
              ) : null}
            </g>
          ))}
          <text x={4} y={33} className={styles.tickText}>
            t (ms)
          </text>
        </svg>
        <svg
          className={styles.svg}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="group"
          aria-label={translate({
            id: 'livecode.seq.label',
            message: '시퀀스 다이어그램: 가로는 호스트, 세로는 시간 순서',
          })}>
          <g aria-hidden="true">
            {layout.lanes.map((l) => (
              <line key={l.host} x1={l.x} y1={0} x2={l.x} y2={layout.height} className={styles.lane} />
            ))}
          </g>
          {layout.rows.slice(first, last).map((row) => {
            if (row.kind === 'conn') {
              return (
                <g key={`c${row.conn.index}`} className={connClass(row.conn.index)}>
                  <rect x={row.box.x} y={row.box.y + 3} width={10} height={10} className={styles.swatch} />
                  <text x={row.box.x + 16} y={row.box.y + 12} className={styles.connTitle} data-conn-title="">
                    {row.conn.title}
                  </text>
                </g>
              );
            }
            if (row.kind === 'state') {
              return (
                <g key={`s${row.y}`}>
                  {row.pills.map((p) => (
                    <g
                      key={p.host}
                      role="img"
                      aria-label={`${p.host}: ${p.state}`}
                      className={clsx(styles.pill, connClass(p.conn))}
                      data-state={p.state}>
                      <rect x={p.box.x} y={p.box.y} width={p.box.w} height={p.box.h} rx={8} />
                      <text x={p.box.x + p.box.w / 2} y={p.box.y + 12} textAnchor="middle" aria-hidden="true">
                        {p.state}
                      </text>
                    </g>
                  ))}
                </g>
              );
            }
            const a = row.arrow;
            const line = lineOf(a);
            const related = selectedLine !== null && line === selectedLine;
            const selected = selectedSegment === a.seg.id;
            return (
              <g
                key={a.seg.id}
                role="button"
                tabIndex={0}
                aria-label={arrowName(a)}
                aria-pressed={selected}
                data-segment={a.seg.id}
                data-related={related || undefined}
                className={clsx(
                  styles.arrow,
                  connClass(a.conn),
                  a.lost && styles.lost,
                  related && styles.related,
                  selected && styles.selected,
                )}
                onClick={() => onSelect(a.seg.id, line)}
                onKeyDown={(e) => onKeyDown(e, a)}>
                <rect x={TIME_COL - 4} y={row.y} width={layout.width - TIME_COL + 4} height={row.h} className={styles.band} />
                <text x={row.timeBox.x} y={row.timeBox.y + 10} className={styles.tickText} aria-hidden="true">
                  {a.seg.t}
                </text>
                <path d={a.path} className={styles.hit} />
                <path d={a.path} className={styles.stroke} />
                {a.head ? <polygon points={a.head} className={styles.head} /> : null}
                {a.lost ? (
                  <text x={a.x2} y={a.y2 + 5} className={styles.cross} textAnchor="middle">
                    ✕
                  </text>
                ) : null}
                <text x={a.labelX} y={a.labelY} className={styles.label} textAnchor={a.labelAnchor} data-label="">
                  {a.label}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      {selectedArrow ? (
        <SegmentDetail
          seg={selectedArrow.seg}
          label={selectedArrow.label}
          connTitle={layout.conns[selectedArrow.conn]?.title ?? ''}
          connClass={connClass(selectedArrow.conn)}
          callOf={(id) => (id === null ? undefined : callById.get(id))}
          lineOfCall={lineOfCall}
          labelOf={(id) => {
            const i = arrowIndex.get(id);
            return i === undefined ? null : arrows[i].label;
          }}
        />
      ) : null}
    </div>
  );
}
