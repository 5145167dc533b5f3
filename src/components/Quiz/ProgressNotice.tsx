/**
 * Tells the reader when their saved progress could not be read (and where it was kept), or cannot be saved.
 * Shown by every quiz and the review page; dismissing it hides it everywhere on the page.
 */
import type {ReactNode} from 'react';
import {dismissNotice} from '../../quiz/progressStore';
import type {ProgressSnapshot} from '../../quiz/progressStore';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export default function ProgressNotice({snapshot}: {snapshot: ProgressSnapshot}): ReactNode {
  const {setAside, saveFailed} = snapshot;
  return (
    <div role="status" className={styles.noticeArea}>
      {setAside ? (
        <div className={styles.notice}>
          <p>{setAside.reason === 'record' ? quizStrings.recordsSetAside(setAside.records ?? 1) : quizStrings.setAside()}</p>
          <p className={styles.small}>{setAside.keptAs ? quizStrings.keptAs(setAside.keptAs) : quizStrings.notKept()}</p>
          <button type="button" className="button button--sm button--secondary" onClick={dismissNotice}>
            {quizStrings.dismiss()}
          </button>
        </div>
      ) : null}
      {saveFailed ? <p className={styles.notice}>{quizStrings.saveFailed()}</p> : null}
    </div>
  );
}
