/**
 * The outcome of the last run in words (./runText), in a polite live region so screen readers hear it:
 * ok, the error with its line, a syntax error's line:column, "would block forever", or the 2 s stop.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {expectedOutcome} from '../../runner/meta';
import type {RunResult} from '../../runner/types';
import {engineLabel, errorMessage, lineText, outcomeText} from './runText';
import styles from './styles.module.css';

export interface RunStatusProps {
  running: boolean;
  result: RunResult | null;
  /** the block's `expect=` meta: an error it names is the example's point, not a failure */
  expect?: string;
  /** id for the error text, so the editor can point at it with aria-describedby */
  errorId: string;
  /** set when the code was edited after the run (marks are cleared) */
  stale: boolean;
}

export default function RunStatus(props: RunStatusProps): ReactNode {
  return (
    <div
      className={styles.status}
      aria-live="polite"
      data-status={props.running ? 'running' : (props.result?.status ?? 'idle')}>
      {props.running ? (
        <p className={styles.statusLine}>{translate({id: 'livecode.status.running', message: '실행 중…'})}</p>
      ) : props.result ? (
        <Outcome result={props.result} expect={props.expect} errorId={props.errorId} stale={props.stale} />
      ) : null}
    </div>
  );
}

/** "이 예제는 ECONNREFUSED 오류로 끝나도록 만들었어요" for a block's `expect` (not 'ok'). */
function meantText(expect: string): string {
  const wanted = expectedOutcome(expect);
  if (wanted.errno) {
    return translate({id: 'livecode.expect.errno', message: '이 예제는 {errno} 오류로 끝나도록 만들었어요'}, {errno: wanted.errno});
  }
  if (wanted.status === 'blocked') {
    return translate({id: 'livecode.expect.blocked', message: '이 예제는 영원히 기다리게 되는 호출에서 멈추도록 만들었어요'});
  }
  return translate({id: 'livecode.expect.error', message: '이 예제는 오류로 끝나도록 만들었어요'});
}

/** How this run ended, for "… but this run ended without an error". */
function howItEnded(result: RunResult): string {
  if (result.status === 'ok') return translate({id: 'livecode.expect.endedOk', message: '오류 없이 끝났어요'});
  if (result.error?.errno) {
    return translate({id: 'livecode.expect.endedErrno', message: '{errno} 오류로 끝났어요'}, {errno: result.error.errno});
  }
  return translate({id: 'livecode.expect.endedOther', message: '다르게 끝났어요'});
}

function Outcome({result, expect, errorId, stale}: {result: RunResult; expect?: string; errorId: string; stale: boolean}) {
  const e = result.error;
  const where =
    e?.line != null
      ? result.status === 'syntax-error'
        ? `${e.line}:${e.column ?? 1}`
        : lineText(e.line)
      : null;
  const wanted = expectedOutcome(expect);
  const meant = expect !== undefined && expect !== 'ok';
  const asExpected = meant && result.status === wanted.status && (!wanted.errno || wanted.errno === e?.errno);
  if (asExpected) {
    // The error is the lesson: say so, and give the details without calling them a failure.
    const detail = result.status === 'blocked' ? outcomeText(result) : errorMessage(e);
    return (
      <div id={stale ? undefined : errorId} className={styles.statusExpected} data-expected="true">
        <p>{meantText(expect)}</p>
        <p>
          {detail}
          {where ? ` (${where})` : null}
        </p>
      </div>
    );
  }
  const bad = result.status !== 'ok';
  return (
    <>
      <p id={stale ? undefined : errorId} className={bad ? styles.statusBad : styles.statusOk}>
        {outcomeText(result)}
        {where ? ` (${where})` : null}
      </p>
      <EngineText error={e} />
      {meant ? (
        <p className={styles.statusLine} data-expected="false">
          {translate(
            {id: 'livecode.expect.differs', message: '{meant}. 하지만 이번 실행은 {how}.'},
            {meant: meantText(expect), how: howItEnded(result)},
          )}
        </p>
      ) : null}
    </>
  );
}

/** The parser's or engine's own words for a syntax error, secondary and labelled (./runText engineLabel). */
export function EngineText({error}: {error: RunResult['error']}): ReactNode {
  const label = engineLabel(error);
  if (!label) return null;
  return (
    <p className={styles.engineText} data-engine-text="">
      {label}: <span lang="en">{error!.engine}</span>
    </p>
  );
}
