/**
 * One mode's waterfall: a row per connection on the virtual time axis (from the first SYN), with its
 * handshake, request/response pairs and close. All four modes share one scale so their lengths compare.
 * Each row's label opens that connection's sequence diagram.
 */
import {lazy, Suspense, useId, useState, type ReactNode} from 'react';
import type {ConnectionRow, PhaseKind} from '../../lab/metrics';
import {fill} from '../../lab/explain';
import ErrorBoundary from '../ErrorBoundary';
import type {ModeResult} from './labRun';
import {modeName, phaseName, text} from './strings';
import styles from './styles.module.css';

const ConnectionDiagram = lazy(() => import('./ConnectionDiagram'));

const PHASES: PhaseKind[] = ['handshake', 'request', 'response', 'close'];

export default function Waterfall(props: {result: ModeResult; scaleMs: number}): ReactNode {
  const {result, scaleMs} = props;
  const m = result.metrics;
  const [selected, setSelected] = useState<number | null>(null);
  const ids = useId();
  const pct = (ms: number) => `${Math.max(0, Math.min(100, ((ms - m.startMs) / scaleMs) * 100))}%`;
  const width = (start: number, end: number) => `max(3px, ${((end - start) / scaleMs) * 100}%)`;
  const round = (ms: number) => String(Math.round((ms - m.startMs) * 10) / 10);
  const describe = (c: ConnectionRow) =>
    c.phases
      .map((p) => fill(text.phaseSpan(), {phase: phaseName(p.kind), start: round(p.start), end: round(p.end)}))
      .join(', ');
  const chosen = m.connections.find((c) => c.index === selected) ?? null;

  return (
    <div className={styles.waterfall}>
      <ol className={styles.rows} aria-label={fill(text.waterfall(), {mode: modeName(result.mode)})} data-waterfall="">
        {m.connections.map((c) => (
          <li key={c.clientPort} className={styles.row} data-connection={c.index}>
            <button
              type="button"
              className={styles.rowLabel}
              aria-expanded={selected === c.index}
              aria-controls={selected === c.index ? `${ids}-diagram` : undefined}
              aria-label={fill(text.showDiagram(), {n: String(c.index)})}
              onClick={() => setSelected(selected === c.index ? null : c.index)}>
              {fill(text.connection(), {n: String(c.index)})}
            </button>
            <span className={styles.track} aria-hidden="true">
              {c.phases.map((p, i) => (
                <span
                  key={i}
                  className={`${styles.bar} ${styles[p.kind]}`}
                  style={{left: pct(p.start), width: width(p.start, p.end)}}
                />
              ))}
            </span>
            <span className={styles.srOnly}>{describe(c)}</span>
          </li>
        ))}
      </ol>
      <Axis scaleMs={scaleMs} />
      <ul className={styles.legend} aria-label={text.legend()}>
        {PHASES.map((k) => (
          <li key={k}>
            <span className={`${styles.swatch} ${styles[k]}`} aria-hidden="true" />
            {phaseName(k)}
          </li>
        ))}
      </ul>
      {chosen ? (
        <div id={`${ids}-diagram`} className={styles.diagram}>
          <ErrorBoundary fallback={<p className={styles.error}>{text.loadError()}</p>}>
            <Suspense fallback={null}>
              <ConnectionDiagram result={result} connection={chosen} onClose={() => setSelected(null)} />
            </Suspense>
          </ErrorBoundary>
        </div>
      ) : null}
    </div>
  );
}

/** Ticks at 1, 2 or 5 × 10^k ms, at most about six of them. */
export function ticks(scaleMs: number): number[] {
  const raw = scaleMs / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * pow).find((s) => s >= raw) ?? 10 * pow;
  const out: number[] = [];
  for (let t = 0; t <= scaleMs + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

function Axis({scaleMs}: {scaleMs: number}) {
  return (
    <div className={styles.axis} aria-hidden="true">
      {ticks(scaleMs).map((t) => (
        <span key={t} className={styles.tick} style={{left: `${(t / scaleMs) * 100}%`}}>
          {t}
        </span>
      ))}
      <span className={styles.axisTitle}>{text.axis()}</span>
    </div>
  );
}
