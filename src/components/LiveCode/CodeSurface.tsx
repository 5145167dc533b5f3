/**
 * The highlighted code of a runnable block, with a line-number gutter. The placeholder shows it alone;
 * the live editor lays a transparent <textarea> exactly over it (passed as `children`), so both have
 * the same size and the page does not jump when the editor loads.
 */
import type {ReactNode, Ref} from 'react';
import clsx from 'clsx';
import {Highlight} from 'prism-react-renderer';
import {usePrismTheme} from '@docusaurus/theme-common';
import styles from './styles.module.css';

export type LineMark = 'error' | 'current' | 'selected';

const MARK_CLASS: Record<LineMark, string> = {
  error: styles.errorLine,
  current: styles.currentLine,
  selected: styles.selectedLine,
};

export interface CodeSurfaceProps {
  code: string;
  language: string;
  /** marks of a 1-based line: the error line, the current step's line, the selected line */
  lineMarks?: (line: number) => LineMark[];
  /** clicking a line number selects that line */
  onGutterClick?: (line: number) => void;
  /** the editing layer, laid over the highlighted code; absent in the placeholder */
  children?: ReactNode;
  scrollerRef?: Ref<HTMLDivElement>;
  /** placeholder only: the code is a focusable, scrollable region like a static block */
  focusable?: boolean;
  onFocus?: () => void;
  onPointerDown?: () => void;
}

export default function CodeSurface(props: CodeSurfaceProps): ReactNode {
  const {code, language, lineMarks, onGutterClick, children} = props;
  const marksOf = (line: number) => lineMarks?.(line) ?? [];
  const markClass = (line: number) => marksOf(line).map((m) => MARK_CLASS[m]);
  // data-marks lets tests (and people reading the DOM) see the marks without knowing class names
  const markData = (line: number) => marksOf(line).join(' ') || undefined;
  // Light on the server and during hydration (Docusaurus's colour mode lags behind on purpose, so the
  // first client render matches the HTML); a dark page then re-renders with the dark theme and React
  // patches the token colours in place. No remount after hydration (the stock CodeBlock's
  // key={isBrowser} trick): that would tokenize every block again and rebuild its DOM at load.
  const theme = usePrismTheme();
  return (
    <Highlight theme={theme} code={code} language={language}>
      {({className, style, tokens, getLineProps, getTokenProps}) => (
        <div
          ref={props.scrollerRef}
          className={styles.scroller}
          style={{backgroundColor: style.backgroundColor, color: style.color}}
          tabIndex={props.focusable ? 0 : undefined}
          onFocus={props.onFocus}
          onPointerDown={props.onPointerDown}>
          <div className={styles.sizer}>
            <div className={styles.gutter} aria-hidden="true" style={{backgroundColor: style.backgroundColor}}>
              {tokens.map((_, i) => (
                <div
                  key={i}
                  className={clsx(styles.gutterLine, markClass(i + 1))}
                  data-line={i + 1}
                  data-marks={markData(i + 1)}
                  onClick={onGutterClick ? () => onGutterClick(i + 1) : undefined}>
                  {i + 1}
                </div>
              ))}
            </div>
            <div className={styles.codeArea}>
              <pre
                className={clsx(className, styles.highlight)}
                style={{...style, backgroundColor: 'transparent'}}
                aria-hidden={children ? 'true' : undefined}>
                {tokens.map((line, i) => (
                  <div key={i} {...getLineProps({line, className: clsx(styles.line, markClass(i + 1))})}>
                    {line.map((token, k) => (
                      <span key={k} {...getTokenProps({token})} />
                    ))}
                  </div>
                ))}
              </pre>
              {children}
            </div>
          </div>
        </div>
      )}
    </Highlight>
  );
}
