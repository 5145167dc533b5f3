/**
 * The highlighted code of a runnable block, with a line-number gutter. The placeholder shows it alone;
 * the live editor lays a transparent <textarea> exactly over it (passed as `children`), so both have
 * the same size and the page does not jump when the editor loads.
 */
import type {ReactNode, Ref} from 'react';
import clsx from 'clsx';
import {useCodeLines} from '../../prism';
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
  // While the page hydrates, the highlighted lines are the server's HTML, kept as is (src/prism); the gutter
  // only needs the number of lines.
  const {lines, lineCount, keptProps, className, colorsClass, style, getLineProps, getTokenProps} = useCodeLines(code, language);
  const preProps = {className: clsx(className, styles.highlight), 'aria-hidden': children ? ('true' as const) : undefined};
  return (
    <div
      ref={props.scrollerRef}
      className={clsx(styles.scroller, colorsClass)}
      style={style}
      tabIndex={props.focusable ? 0 : undefined}
      onFocus={props.onFocus}
      onPointerDown={props.onPointerDown}>
      <div className={styles.sizer}>
        <div className={styles.gutter} aria-hidden="true">
          {Array.from({length: lineCount}, (_, i) => (
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
          {lines ? (
            // keyed apart from the kept <pre>: React does not clear HTML it did not render when children replace it
            <pre key="lines" {...preProps}>
              {lines.map((line, i) => (
                <div key={i} {...getLineProps({line, className: clsx(styles.line, markClass(i + 1))})}>
                  {line.map((token, k) => (
                    <span key={k} {...getTokenProps({token})} />
                  ))}
                </div>
              ))}
            </pre>
          ) : (
            <pre key="kept" {...preProps} {...keptProps} />
          )}
          {children}
        </div>
      </div>
    </div>
  );
}
