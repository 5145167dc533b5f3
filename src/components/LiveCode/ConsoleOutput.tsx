/** What the program printed (console.log/error), and notes where the runner cut it (a line, the output, the trace). */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {ConsoleLine} from '../../runner/types';
import {lineCutText, truncatedText} from './runText';
import styles from './styles.module.css';

export default function ConsoleOutput({
  lines,
  truncated,
  traceNote = null,
}: {
  lines: ConsoleLine[];
  truncated: boolean;
  /** traceCutText(): the trace was cut */
  traceNote?: string | null;
}): ReactNode {
  const label = translate({id: 'livecode.console', message: '출력'});
  return (
    <div className={styles.console} role="region" aria-label={label} tabIndex={0}>
      <div className={styles.consoleLabel} aria-hidden="true">
        {label}
      </div>
      <pre className={styles.consoleText}>
        {lines.length === 0 ? (
          <span className={styles.consoleSystem}>{translate({id: 'livecode.console.empty', message: '(출력 없음)'})}</span>
        ) : (
          lines.map((l, i) => (
            <span key={i} className={l.level === 'error' ? styles.consoleError : undefined}>
              {l.text}
              {l.cut ? <span className={styles.consoleSystem}>{lineCutText(l.cut)}</span> : null}
              {'\n'}
            </span>
          ))
        )}
      </pre>
      {truncated ? (
        <p className={styles.consoleNote}>
          {truncatedText()}
        </p>
      ) : null}
      {traceNote ? <p className={styles.consoleNote}>{traceNote}</p> : null}
    </div>
  );
}
