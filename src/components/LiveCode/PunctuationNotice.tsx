/**
 * After a run whose code had a phone keyboard's punctuation put back (./punctuationRun), says what was changed and
 * where, so a program that ran is not a mystery next to the code in the editor, which keeps what the reader typed.
 * A status region (polite) that is always there, empty otherwise, so screen readers hear it when it appears.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {PunctuationChange} from './smartPunctuation';
import {changeList} from './punctuationRun';
import styles from './styles.module.css';

export default function PunctuationNotice({changes}: {changes: readonly PunctuationChange[]}): ReactNode {
  const {items, more} = changeList(changes);
  return (
    <div role="status" data-punctuation-notice="">
      {items.length > 0 ? (
        <p className={styles.notice}>
          {translate(
            {
              id: 'livecode.punctuation.converted',
              message:
                '휴대폰 키보드가 바꾼 문장 부호를 코드용으로 되돌려 실행했습니다: {list}. 편집기의 코드는 입력한 그대로입니다.',
              description: 'After a run: which curly quotes/dashes were turned back into code punctuation; {list} is "2:5 ‘ → \'" items',
            },
            {
              list:
                items.join(', ') +
                (more > 0 ? translate({id: 'livecode.punctuation.more', message: ' 외 {n}개'}, {n: more}) : ''),
            },
          )}
        </p>
      ) : null}
    </div>
  );
}
