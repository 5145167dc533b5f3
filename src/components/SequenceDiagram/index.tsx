/**
 * The segments on the wire as a sequence diagram (SVG): one vertical lane per host, one arrow per
 * segment from the sender at send time to the receiver at arrival time; a lost segment ends in ✕.
 * Arrows are focusable buttons: selecting one highlights the source line whose call produced it, and
 * the arrows of the selected line are highlighted in turn.
 */
import {useRef, type KeyboardEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {SegmentRow} from '../../runner/inspect';
import {layoutDiagram, TOP, type Arrow} from './layout';
import styles from './styles.module.css';

export interface SequenceDiagramProps {
  segments: SegmentRow[];
  /** host names in the trace's order (the lanes follow it) */
  hostOrder: string[];
  /** host name -> ip, for the lane headers */
  ips?: Record<string, string>;
  /** the source line of the call that produced a segment */
  lineOfCall: (callId: number | null) => number | null;
  selectedLine: number | null;
  selectedSegment: number | null;
  onSelect: (segmentId: number, line: number | null) => void;
}

export function arrowName(a: Arrow): string {
  const base = `${a.seg.fromHost} → ${a.seg.toHost}: ${a.label}`;
  return a.lost ? `${base}, ${translate({id: 'livecode.seq.lost', message: '유실됨'})}` : base;
}

export default function SequenceDiagram(props: SequenceDiagramProps): ReactNode {
  const {segments, lineOfCall, selectedLine, selectedSegment, onSelect} = props;
  const layout = layoutDiagram(segments, props.hostOrder);
  const refs = useRef<(SVGGElement | null)[]>([]);

  if (segments.length === 0) {
    return (
      <p className={styles.empty}>{translate({id: 'livecode.seq.empty', message: '아직 오간 세그먼트가 없습니다.'})}</p>
    );
  }

  const onKeyDown = (e: KeyboardEvent<SVGGElement>, i: number, a: Arrow) => {
    const move = (to: number) => {
      e.preventDefault();
      refs.current[Math.max(0, Math.min(layout.arrows.length - 1, to))]?.focus();
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(a.seg.id, lineOfCall(a.seg.callId));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(layout.arrows.length - 1);
  };

  return (
    <div className={styles.wrap}>
      <svg
        className={styles.svg}
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={translate({
          id: 'livecode.seq.label',
          message: '세그먼트 순서도: 가로는 호스트, 세로는 가상 시간',
        })}>
        <g aria-hidden="true">
          {layout.lanes.map((l) => (
            <g key={l.host}>
              <text x={l.x} y={18} className={styles.laneName} textAnchor="middle">
                {l.host}
              </text>
              {props.ips?.[l.host] ? (
                <text x={l.x} y={34} className={styles.laneIp} textAnchor="middle">
                  {props.ips[l.host]}
                </text>
              ) : null}
              <line x1={l.x} y1={TOP - 8} x2={l.x} y2={layout.height - 8} className={styles.lane} />
            </g>
          ))}
          {layout.ticks.map((t, i) => (
            <g key={i}>
              <line x1={8} x2={14} y1={t.y} y2={t.y} className={styles.tick} />
              {t.compressed ? (
                <text x={10} y={t.y - 8} className={styles.tickText} textAnchor="middle">
                  ≈
                </text>
              ) : null}
              {t.labelled ? (
                <text x={18} y={t.y + 4} className={styles.tickText}>
                  {t.t} ms
                </text>
              ) : null}
            </g>
          ))}
        </g>
        {layout.arrows.map((a, i) => {
          const line = lineOfCall(a.seg.callId);
          const related = selectedLine !== null && line === selectedLine;
          const selected = selectedSegment === a.seg.id;
          const path = a.loop
            ? `M ${a.x1} ${a.y1} C ${a.x1 + 60} ${a.y1}, ${a.x1 + 60} ${a.y2}, ${a.x2} ${a.y2}`
            : `M ${a.x1} ${a.y1} L ${a.x2} ${a.y2}`;
          return (
            <g
              key={a.seg.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              role="button"
              tabIndex={0}
              aria-label={arrowName(a)}
              aria-pressed={selected}
              data-segment={a.seg.id}
              data-related={related || undefined}
              className={clsx(styles.arrow, a.lost && styles.lost, related && styles.related, selected && styles.selected)}
              onClick={() => onSelect(a.seg.id, line)}
              onKeyDown={(e) => onKeyDown(e, i, a)}>
              <path d={path} className={styles.hit} />
              <path d={path} className={styles.stroke} />
              {a.head ? <polygon points={a.head} className={styles.head} /> : null}
              {a.lost ? (
                <text x={a.x2} y={a.y2 + 5} className={styles.cross} textAnchor="middle">
                  ✕
                </text>
              ) : null}
              <text x={a.labelX} y={a.labelY} className={styles.label} textAnchor={a.labelAnchor}>
                {a.label}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
