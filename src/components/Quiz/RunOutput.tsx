/** What a run produced, for the reader: how it ended, the console, and the segments that crossed the network. */
import type {ReactNode} from 'react';
import type {RunResult} from '../../runner/types';
import {addrText} from '../../runner/format';
import {segmentsOf} from '../../quiz/traceFacts';
import {lineCutText, lineText, outcomeText, traceCutText, truncatedText} from '../LiveCode/runText';
import {EngineText} from '../LiveCode/RunStatus';
import {quizStrings} from './strings';
import styles from './styles.module.css';

/** How the run ended, worded as under a runnable block: "오류: ECONNREFUSED: Connection refused (3번째 줄)" */
function endText(result: RunResult): string {
  const line = result.error?.line;
  return outcomeText(result) + (line ? ` (${lineText(line)})` : '');
}

export default function RunOutput({result, showSegments = true}: {result: RunResult; showSegments?: boolean}): ReactNode {
  const lines = result.console.map((l) => l.text + (l.cut ? lineCutText(l.cut) : '')).join('\n');
  const traceNote = traceCutText(result);
  const segments = segmentsOf(result.trace);
  return (
    <div className={styles.runOutput}>
      <p className={styles.small}>{quizStrings.runStatus(endText(result))}</p>
      <EngineText error={result.error} />
      <p className={styles.outputTitle}>{quizStrings.consoleTitle()}</p>
      <pre className={styles.console} tabIndex={0}>{lines || quizStrings.noConsole()}</pre>
      {result.truncated ? <p className={styles.small}>{truncatedText()}</p> : null}
      {traceNote ? <p className={styles.small}>{traceNote}</p> : null}
      {showSegments && segments.length > 0 ? (
        <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={quizStrings.segmentsCaption()}>
          <table className={styles.segments}>
            <caption>{quizStrings.segmentsCaption()}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{quizStrings.colTime()}</th>
                <th scope="col">{quizStrings.colFrom()}</th>
                <th scope="col">{quizStrings.colTo()}</th>
                <th scope="col">{quizStrings.colFlags()}</th>
                <th scope="col">{quizStrings.colLength()}</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s, i) => (
                <tr key={s.id}>
                  <td>{i + 1}</td>
                  <td>{Number(s.t.toFixed(2))}</td>
                  <td>
                    {s.fromHost} <span className={styles.small}>{addrText(s.src)}</span>
                  </td>
                  <td>
                    {s.toHost} <span className={styles.small}>{addrText(s.dst)}</span>
                  </td>
                  <td>
                    <code>{s.flags}</code>
                  </td>
                  <td>{s.len}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
