/**
 * Every socket call so far, the program's and the built-in servers', with host, virtual time, arguments
 * and result (or errno). The call Step/Back stands on is marked.
 */
import type {ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import type {CallLogRow} from '../../runner/inspect';
import cells from '../../css/inspector-table.module.css';
import styles from './styles.module.css';

export interface CallLogProps {
  calls: CallLogRow[];
  currentCallId?: number | null;
}

export default function CallLog({calls, currentCallId}: CallLogProps): ReactNode {
  const cols = {
    result: translate({id: 'livecode.calls.col.result', message: '결과'}),
    host: translate({id: 'livecode.calls.col.host', message: '호스트'}),
    time: translate({id: 'livecode.calls.col.time', message: '시각 (ms)'}),
    line: translate({id: 'livecode.calls.col.line', message: '줄'}),
  };
  return (
    <table className={styles.table}>
      <caption>{translate({id: 'livecode.calls.caption', message: '호출 기록'})}</caption>
      <thead>
        <tr>
          <th scope="col">{translate({id: 'livecode.calls.col.call', message: '호출'})}</th>
          <th scope="col">{cols.result}</th>
          <th scope="col">{cols.host}</th>
          <th scope="col">{cols.time}</th>
          <th scope="col">{cols.line}</th>
        </tr>
      </thead>
      <tbody>
        {calls.length === 0 ? (
          <tr>
            <td colSpan={5} className={styles.empty}>
              {translate({id: 'livecode.calls.empty', message: '아직 호출이 없습니다.'})}
            </td>
          </tr>
        ) : (
          calls.map((c) => (
            <tr
              key={c.callId}
              className={clsx(c.callId === currentCallId && styles.current, !c.byProgram && styles.builtin)}
              aria-current={c.callId === currentCallId ? 'step' : undefined}>
              <th scope="row" className={clsx(cells.wrap, styles.call)}>
                {c.label}
              </th>
              <td data-label={cols.result} className={clsx(cells.wrap, styles.result, c.errno && styles.errno)}>
                {c.result ?? translate({id: 'livecode.calls.pending', message: '대기 중…'})}
              </td>
              <td data-label={cols.host}>{c.host}</td>
              <td data-label={cols.time} className={styles.num}>
                {c.t}
              </td>
              <td data-label={cols.line} className={styles.num}>
                {c.line ?? '—'}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
