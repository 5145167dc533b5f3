/**
 * The HTTP/1.0 vs HTTP/1.1 lab (chapter 6). This file is the eager part and stays small: the form and
 * the results table render on the server and before any heavy code arrives. The runner (worker with
 * sucrase and the simulator) loads on the first Run; the waterfalls and the runnable code blocks load
 * lazily, in the browser only, each inside an error boundary.
 */
import {lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent, type ReactNode} from 'react';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {usePluralForm} from '@docusaurus/theme-common';
import ErrorBoundary from '../ErrorBoundary';
import {
  IMAGES_MAX,
  IMAGES_MIN,
  LAB_MODES,
  LOSS_MAX_PCT,
  LOSS_MIN_PCT,
  RTT_MAX_MS,
  RTT_MIN_MS,
  THINK_MAX_MS,
  THINK_MIN_MS,
  clampImages,
  clampLoss,
  clampRtt,
  clampThink,
  type LabConditions,
  type LabMode,
} from '../../lab/modes';
import {explain, fill, type ExplainWords} from '../../lab/explain';
import type {ModeResult} from './labRun';
import {modeHint, modeName, text} from './strings';
import styles from './styles.module.css';

const Waterfall = lazy(() => import('./Waterfall'));
const CodePanel = lazy(() => import('./CodePanel'));

interface LabRun {
  images: number;
  rttMs: number;
  conditions: LabConditions;
  results: ModeResult[];
}

export default function HttpLab(): ReactNode {
  const isBrowser = useIsBrowser();
  const [images, setImages] = useState('5');
  const [rtt, setRtt] = useState('100');
  const [loss, setLoss] = useState('0');
  const [think, setThink] = useState('0');
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<LabRun | null>(null);
  /** what the live region says: the visible part, and the sentence that is already shown below the table */
  const [announcement, setAnnouncement] = useState<{visible: string; spoken?: string}>({visible: ''});
  const [failure, setFailure] = useState<string | null>(null);
  /** finished runs, exposed as data-runs so a test can wait for the next one */
  const [runs, setRuns] = useState(0);
  const words = useExplainWords();
  const ids = useId();
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const onRun = async (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    const n = clampImages(Number(images));
    const rttMs = clampRtt(Number(rtt));
    const conditions: LabConditions = {lossPct: clampLoss(Number(loss)), thinkMs: clampThink(Number(think))};
    setImages(String(n));
    setRtt(String(rttMs));
    setLoss(String(conditions.lossPct));
    setThink(String(conditions.thinkMs));
    setRunning(true);
    setFailure(null);
    setAnnouncement({visible: text.running()});
    try {
      const {runLab} = await import('./labRun');
      const results = await runLab(n, rttMs, conditions);
      if (!mounted.current) return;
      setRun({images: n, rttMs, conditions, results});
      setRuns((k) => k + 1);
      setAnnouncement({visible: text.done(), spoken: explain(results, words)});
    } catch (e) {
      if (!mounted.current) return;
      const message = fill(text.failed(), {message: e instanceof Error ? e.message : String(e)});
      setFailure(message);
      setAnnouncement({visible: message});
    } finally {
      if (mounted.current) setRunning(false);
    }
  };

  const resultOf = (mode: LabMode) => run?.results.find((r) => r.mode === mode);
  const scaleMs = run ? Math.max(1, ...run.results.map((r) => r.metrics.endMs - r.metrics.startMs)) : 1;
  const sentence = run ? explain(run.results, words) : '';
  const failedModes = run?.results.filter((r) => r.status !== 'ok') ?? [];

  return (
    <section className={styles.lab} aria-label={text.region()} data-runs={runs}>
      <p className={styles.intro}>{text.intro()}</p>
      <form className={styles.controls} onSubmit={onRun}>
        <div className={styles.field}>
          <label htmlFor={`${ids}-images`}>{text.images()}</label>
          <input
            id={`${ids}-images`}
            type="number"
            inputMode="numeric"
            min={IMAGES_MIN}
            max={IMAGES_MAX}
            step={1}
            value={images}
            onChange={(e) => setImages(e.target.value)}
            aria-describedby={`${ids}-images-unit`}
          />
          <span id={`${ids}-images-unit`} className={styles.unit}>
            {text.imagesUnit()}
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${ids}-rtt`}>{text.rtt()}</label>
          <input
            id={`${ids}-rtt`}
            type="number"
            inputMode="numeric"
            min={RTT_MIN_MS}
            max={RTT_MAX_MS}
            step={10}
            value={rtt}
            onChange={(e) => setRtt(e.target.value)}
            aria-describedby={`${ids}-rtt-unit`}
          />
          <span id={`${ids}-rtt-unit`} className={styles.unit}>
            {text.rttUnit()}
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${ids}-loss`}>{text.loss()}</label>
          <input
            id={`${ids}-loss`}
            type="number"
            inputMode="numeric"
            min={LOSS_MIN_PCT}
            max={LOSS_MAX_PCT}
            step={1}
            value={loss}
            onChange={(e) => setLoss(e.target.value)}
            aria-describedby={`${ids}-loss-unit`}
          />
          <span id={`${ids}-loss-unit`} className={styles.unit}>
            {text.lossUnit()}
          </span>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${ids}-think`}>{text.think()}</label>
          <input
            id={`${ids}-think`}
            type="number"
            inputMode="numeric"
            min={THINK_MIN_MS}
            max={THINK_MAX_MS}
            step={50}
            value={think}
            onChange={(e) => setThink(e.target.value)}
            aria-describedby={`${ids}-think-unit`}
          />
          <span id={`${ids}-think-unit`} className={styles.unit}>
            {text.thinkUnit()}
          </span>
        </div>
        <button type="submit" className={`button button--primary ${styles.run}`} aria-disabled={running || undefined}>
          {text.run()}
        </button>
      </form>

      <p className={styles.status} role="status" aria-live="polite">
        {announcement.visible}
        {announcement.spoken ? <span className={styles.srOnly}> {announcement.spoken}</span> : null}
      </p>

      {/* focusable so a keyboard can scroll the table sideways on a narrow screen */}
      <div className={styles.tableWrap} tabIndex={0} role="group" aria-labelledby={`${ids}-caption`}>
        <table className={styles.results}>
          <caption id={`${ids}-caption`}>{text.results()}</caption>
          <thead>
            <tr>
              <th scope="col">{text.colMode()}</th>
              <th scope="col">{text.colConnections()}</th>
              <th scope="col">{text.colHandshakes()}</th>
              <th scope="col">{text.colSegments()}</th>
              <th scope="col">{text.colRoundTrips()}</th>
              <th scope="col">{text.colTime()}</th>
            </tr>
          </thead>
          <tbody>
            {LAB_MODES.map((mode) => {
              const r = resultOf(mode);
              const m = r?.metrics;
              return (
                <tr key={mode} data-mode={mode}>
                  <th scope="row">{modeName(mode)}</th>
                  <td>{m ? m.connections.length : '–'}</td>
                  <td>{m ? m.handshakes : '–'}</td>
                  <td>{m ? m.segments : '–'}</td>
                  <td>{m ? m.roundTrips : '–'}</td>
                  <td>{m ? fill(text.ms(), {ms: formatMs(m.totalMs)}) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {failure ? <p className={styles.error}>{failure}</p> : null}
      {failedModes.map((r) => (
        <p key={r.mode} className={styles.error}>
          {fill(text.modeFailed(), {mode: modeName(r.mode), message: r.error?.message ?? r.status})}
        </p>
      ))}
      {sentence ? (
        <p className={styles.explanation} data-explanation="">
          {sentence}
        </p>
      ) : null}
      <p className={styles.tls}>{text.tls()}</p>

      <div className={styles.modes}>
        {LAB_MODES.map((mode) => {
          const r = resultOf(mode);
          return (
            <div key={mode} className={styles.mode} role="group" aria-labelledby={`${ids}-${mode}`} data-mode={mode}>
              <p className={styles.modeTitle} id={`${ids}-${mode}`}>
                <strong>{modeName(mode)}</strong> <span className={styles.modeHint}>{modeHint(mode)}</span>
              </p>
              {r && isBrowser ? (
                <ErrorBoundary fallback={<p className={styles.error}>{text.loadError()}</p>}>
                  <Suspense fallback={<p className={styles.empty}>{text.waterfallEmpty()}</p>}>
                    <Waterfall result={r} scaleMs={scaleMs} />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                <p className={styles.empty}>{text.waterfallEmpty()}</p>
              )}
              <CodeDetails
                mode={mode}
                images={run?.images ?? clampImages(Number(images))}
                rttMs={run?.rttMs ?? clampRtt(Number(rtt))}
                conditions={run?.conditions ?? {lossPct: clampLoss(Number(loss)), thinkMs: clampThink(Number(think))}}
                isBrowser={isBrowser}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}

/** "코드 보기": the mode's program as a runnable block, loaded the first time it is opened. */
function CodeDetails(props: {mode: LabMode; images: number; rttMs: number; conditions: LabConditions; isBrowser: boolean}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.code} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        {text.showCode()}
        <span className={styles.srOnly}>: {modeName(props.mode)}</span>
      </summary>
      {open && props.isBrowser ? (
        <ErrorBoundary fallback={<p className={styles.error}>{text.loadError()}</p>}>
          <Suspense fallback={null}>
            <CodePanel mode={props.mode} images={props.images} rttMs={props.rttMs} conditions={props.conditions} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </details>
  );
}

export function formatMs(ms: number): string {
  return Number.isInteger(ms) ? String(ms) : ms.toFixed(1);
}

function useExplainWords(): ExplainWords {
  const {selectMessage} = usePluralForm();
  const count = (template: string, n: number) => selectMessage(n, fill(template, {count: String(n)}));
  return {
    modeName,
    counts: ({connections, handshakes, roundTrips}) =>
      fill(text.explainCounts(), {
        connections: count(text.countConnections(), connections),
        handshakes: count(text.countHandshakes(), handshakes),
        roundTrips: count(text.countRoundTrips(), roundTrips),
      }),
    time: (ms) => fill(text.ms(), {ms: formatMs(ms)}),
    faster: text.explainFaster(),
    tied: text.explainTied(),
    allSame: text.explainAllSame(),
    list: (items) =>
      items.length <= 1
        ? (items[0] ?? '')
        : fill(text.listAnd(), {a: items.slice(0, -1).join(', '), b: items[items.length - 1]}),
  };
}
