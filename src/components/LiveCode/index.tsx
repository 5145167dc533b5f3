/**
 * A runnable code block. This file is the eager part and stays tiny: it renders the placeholder (the
 * highlighted code and the toolbar, as the server renders it) and loads the live part — editor, runner
 * client, inspectors — in a lazy chunk when the block nears the viewport or the reader interacts with it.
 */
import {lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import useIsBrowser from '@docusaurus/useIsBrowser';
import ErrorBoundary from '../ErrorBoundary';
import CodeSurface from './CodeSurface';
import Toolbar from './Toolbar';
import styles from './styles.module.css';

const Live = lazy(() => import(/* webpackChunkName: "livecode" */ './Live'));

export interface LiveCodeProps {
  /** the code as the author wrote it (a trailing newline is ignored) */
  code: string;
  language?: string;
  title?: string;
}

/** What the reader did before the live part arrived, so it can carry on from there. */
export interface EarlyIntent {
  run: boolean;
  focus: boolean;
}

export default function LiveCode({code, language = 'ts', title}: LiveCodeProps): ReactNode {
  const original = code.replace(/\n$/, '');
  const isBrowser = useIsBrowser();
  const [active, setActive] = useState(false);
  const [intent, setIntent] = useState<EarlyIntent>({run: false, focus: false});
  const rootRef = useRef<HTMLDivElement>(null);
  const activate = useCallback(() => setActive(true), []);

  // Load the live part when the block comes within ~200px of the viewport.
  useEffect(() => {
    if (active) return;
    const el = rootRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setActive(true);
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setActive(true);
      },
      {rootMargin: '200px'},
    );
    io.observe(el);
    return () => io.disconnect();
  }, [active]);

  const placeholder = (
    <Placeholder
      code={original}
      language={language}
      onRun={() => {
        setIntent((i) => ({...i, run: true}));
        activate();
      }}
      onFocusCode={() => {
        setIntent((i) => ({...i, focus: true}));
        activate();
      }}
    />
  );

  return (
    <div ref={rootRef} className={styles.liveCode} data-live-code="">
      {title ? <div className={styles.title}>{title}</div> : null}
      {isBrowser && active ? (
        <ErrorBoundary fallback={<StaticFallback code={original} language={language} />}>
          <Suspense fallback={placeholder}>
            <Live original={original} language={language} intent={intent} />
          </Suspense>
        </ErrorBoundary>
      ) : (
        placeholder
      )}
    </div>
  );
}

function Placeholder(props: {code: string; language: string; onRun: () => void; onFocusCode: () => void}) {
  return (
    <>
      <Toolbar onRun={props.onRun} />
      <CodeSurface
        code={props.code}
        language={props.language}
        focusable
        onFocus={props.onFocusCode}
        onPointerDown={props.onFocusCode}
      />
      {/* the live block's status line lives here: keep its room so nothing below moves */}
      <div className={styles.status} />
    </>
  );
}

/** When the live part fails to load or crashes: the code as a static block, and why it cannot run. */
function StaticFallback(props: {code: string; language: string}) {
  return (
    <>
      <p className={styles.loadError} role="status">
        {translate({
          id: 'livecode.loadError',
          message: '실행기를 불러오지 못했습니다. 코드는 읽을 수 있지만 실행할 수는 없습니다.',
          description: 'Shown when the live editor failed to load or crashed',
        })}
      </p>
      <CodeSurface code={props.code} language={props.language} focusable />
    </>
  );
}
