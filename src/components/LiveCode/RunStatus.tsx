/**
 * The outcome of the last run in words (./runText), in a polite live region so screen readers hear it:
 * ok, the error with its line, a syntax error's line:column, "would block forever", or the 2 s stop.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {expectedOutcome} from '../../runner/meta';
import type {RunResult} from '../../runner/types';
import type {Step} from '../../runner/inspect';
import {lineText, outcomeText} from './runText';
import styles from './styles.module.css';

export interface RunStatusProps {
  running: boolean;
  result: RunResult | null;
  /** the block's `expect=` meta: an error it names is the example's point, not a failure */
  expect?: string;
  /** the call shown while stepping, and its position */
  step?: {step: Step; index: number; count: number} | null;
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
      {props.step && !props.running ? <StepLine {...props.step} /> : null}
    </div>
  );
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
  const asExpected =
    result.status === wanted.status && (!wanted.errno || wanted.errno === e?.errno) && result.status !== 'ok';
  const text = outcomeText(result);
  const bad = result.status !== 'ok' && !asExpected;
  return (
    <p id={stale ? undefined : errorId} className={bad ? styles.statusBad : styles.statusOk}>
      {text}
      {where ? ` (${where})` : null}
      {asExpected ? ` ${translate({id: 'livecode.status.expected', message: '— 이 예제에서 기대한 결과입니다.'})}` : null}
    </p>
  );
}

function StepLine({step, index, count}: {step: Step; index: number; count: number}) {
  return (
    <p className={styles.statusLine}>
      {translate({id: 'livecode.step.position', message: '단계 {k} / {n}'}, {k: index + 1, n: count})}
      {': '}
      <code>{step.label}</code>
      {' → '}
      <code>{step.resultText}</code>
      {` (${step.host}${step.line != null ? ', ' + lineText(step.line) : ''})`}
    </p>
  );
}
