/**
 * A runnable code block. This file is the eager part and stays tiny: it renders the placeholder (the
 * highlighted code and the toolbar, as the server renders it) and swaps in the live part — editor,
 * runner client, inspectors, a lazy chunk — when the reader reaches for the block (Run, a click or
 * focus on the code: at once) or once the block is on screen (in an idle moment, one block at a time,
 * so neither hydration nor a screenful of blocks becomes one long task).
 */
import {memo, startTransition, useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import ErrorBoundary from '../ErrorBoundary';
import CodeSurface from './CodeSurface';
import Toolbar from './Toolbar';
import BlockActions from './BlockActions';
import {whenIdle} from '../../lib/idleQueue';
import {loadHighlighter} from '../../prism';
import {loadOnce} from '../../lib/loadOnce';
import {useFocusAcrossSwap} from './useFocusAcrossSwap';
import {EARLY_RUN} from '../../lib/earlyInput';
import type {LiveProps} from './Live';
import styles from './styles.module.css';
import type {WorldOptions} from '../../sim/api';

export interface LiveCodeProps {
  /** the code as the author wrote it (a trailing newline is ignored) */
  code: string;
  language?: string;
  title?: string;
  /** the world the program runs in (latency, seed, …); the runner's default world if absent */
  world?: WorldOptions;
  /** the block's `expect=` meta (src/runner/meta.ts): how the example is meant to end */
  expect?: string;
}

/** What the reader did before the live part arrived, so it can carry on from there. */
export interface EarlyIntent {
  run: boolean;
  focus: boolean;
}

/**
 * The live part, once its chunk has loaded. A block only switches to it after the load, so the switch is
 * one render: no Suspense fallback in between (which would rebuild the placeholder's DOM first).
 * The editor highlights as the reader types: its highlighter comes with it (src/prism).
 */
const live = loadOnce<ComponentType<LiveProps>>(() =>
  Promise.all([import(/* webpackChunkName: "livecode" */ './Live'), loadHighlighter()]).then(([m]) => m.default),
);

type Stage = 'placeholder' | 'live' | 'failed';

export default function LiveCode({code, language = 'ts', title, world, expect}: LiveCodeProps): ReactNode {
  const original = code.replace(/\n$/, '');
  const [stage, setStage] = useState<Stage>('placeholder');
  const [intent, setIntent] = useState<EarlyIntent>({run: false, focus: false});
  const rootRef = useRef<HTMLDivElement>(null);
  const waking = useRef(false);

  /** Load the live part and switch to it: urgently for the reader's own action, else as a transition. */
  const wake = useCallback((urgent: boolean) => {
    if (waking.current) return;
    waking.current = true;
    live.load().then(
      () => (urgent ? setStage('live') : startTransition(() => setStage('live'))),
      () => {
        // offline or a flaky connection: the block offers to try again (loadOnce starts a failed load anew)
        waking.current = false;
        setStage('failed');
      },
    );
  }, []);

  // On screen: wake in an idle moment. Scrolled past before its turn came: it need not wake after all.
  useEffect(() => {
    if (stage !== 'placeholder') return;
    const el = rootRef.current;
    let cancel: (() => void) | null = null;
    const queue = () => {
      cancel ??= whenIdle(() => wake(false));
    };
    if (!el || typeof IntersectionObserver === 'undefined') {
      queue();
      return () => cancel?.();
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) queue();
      else if (cancel) {
        cancel();
        cancel = null;
      }
    });
    io.observe(el);
    return () => {
      io.disconnect();
      cancel?.();
    };
  }, [stage, wake]);

  const onRun = useCallback(() => {
    setIntent((i) => ({...i, run: true}));
    wake(true);
  }, [wake]);
  const onFocusCode = useCallback(() => {
    setIntent((i) => ({...i, focus: true}));
    wake(true);
  }, [wake]);
  const retry = useCallback(() => {
    setStage('placeholder');
    wake(true);
  }, [wake]);

  // Run pressed before the page's scripts had even started: src/lib/earlyInput.ts marked the block; run it now.
  useEffect(() => {
    const el = rootRef.current;
    if (el?.hasAttribute(EARLY_RUN)) {
      el.removeAttribute(EARLY_RUN);
      onRun();
    }
  }, [onRun]);

  const Live = stage === 'live' ? live.current() : null;
  useFocusAcrossSwap(rootRef, stage !== 'placeholder');
  return (
    <div ref={rootRef} className={styles.liveCode} data-live-code="">
      {title ? <div className={styles.title}>{title}</div> : null}
      {stage === 'failed' ? (
        <StaticFallback code={original} language={language} onRetry={retry} />
      ) : Live ? (
        <ErrorBoundary fallback={<StaticFallback code={original} language={language} />}>
          <Live original={original} language={language} intent={intent} world={world} expect={expect} />
        </ErrorBoundary>
      ) : (
        <Placeholder
          code={original}
          world={world}
          language={language}
          onRun={onRun}
          onFocusCode={onFocusCode}
          waiting={intent.run ? 'run' : intent.focus ? 'edit' : null}
        />
      )}
    </div>
  );
}

/** Memoised: the block re-renders when the reader presses Run early, the highlighted code need not. */
const Placeholder = memo(function Placeholder(props: {
  code: string;
  world?: WorldOptions;
  language: string;
  onRun: () => void;
  onFocusCode: () => void;
  /** what the reader asked for while the live part loads: said on the status line, so nothing looks ignored */
  waiting: 'run' | 'edit' | null;
}) {
  return (
    <>
      <Toolbar onRun={props.onRun} extra={<BlockActions code={props.code} world={props.world} />} />
      <CodeSurface
        code={props.code}
        language={props.language}
        focusable
        onFocus={props.onFocusCode}
        onPointerDown={props.onFocusCode}
      />
      {/* the live block's status line lives here: keep its room so nothing below moves */}
      <div className={styles.status} role="status">
        {props.waiting === 'run'
          ? translate({
              id: 'livecode.waitingRun',
              message: '실행기를 불러오는 중이에요. 다 오면 바로 실행해요.',
              description: 'Run was pressed while the live part of the block is still loading',
            })
          : props.waiting === 'edit'
            ? translate({
                id: 'livecode.waitingEdit',
                message: '편집기를 불러오는 중이에요…',
                description: 'The code was focused while the editor is still loading',
              })
            : null}
      </div>
    </>
  );
});

/** When the live part fails to load or crashes: the code as a static block, and why it cannot run. */
function StaticFallback(props: {code: string; language: string; onRetry?: () => void}) {
  return (
    <>
      <p className={styles.loadError} role="status">
        {translate({
          id: 'livecode.loadError',
          message: '실행기를 불러오지 못했습니다. 코드는 읽을 수 있지만 실행할 수는 없습니다.',
          description: 'Shown when the live editor failed to load or crashed',
        })}
        {props.onRetry ? (
          <>
            {' '}
            <button type="button" className="button button--sm button--secondary" onClick={props.onRetry}>
              {translate({id: 'livecode.retry', message: '다시 불러오기', description: 'Retry loading the live part of a block'})}
            </button>
          </>
        ) : null}
      </p>
      <CodeSurface code={props.code} language={props.language} focusable />
    </>
  );
}
