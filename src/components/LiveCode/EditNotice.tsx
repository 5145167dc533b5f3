/** What happened to the reader's saved edit, when it matters: a save the browser refused, an edit too large to keep, a record set aside. */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {MAX_EDIT_CHARS, type EditNotice as Notice} from './storage';
import styles from './styles.module.css';

function noticeText(notice: Notice): string {
  const limit = MAX_EDIT_CHARS.toLocaleString('en-US');
  switch (notice.kind) {
    case 'save-failed':
      return translate({
        id: 'livecode.storage.saveFailed',
        message: '이 브라우저에 고친 코드를 저장하지 못했습니다(저장 공간이 가득 찼거나 막혀 있습니다). 코드는 편집기에 남아 있지만, 페이지를 떠나면 사라집니다.',
      });
    case 'too-large-to-save':
      return translate(
        {id: 'livecode.storage.tooLarge', message: '코드가 {limit}자보다 길어 저장하지 않습니다. 코드는 편집기에 남아 있지만, 페이지를 떠나면 사라집니다.'},
        {limit},
      );
    case 'set-aside': {
      const why =
        notice.why === 'too-large'
          ? translate({id: 'livecode.storage.asideTooLarge', message: '저장된 코드가 {limit}자보다 길어 불러오지 않았습니다.'}, {limit})
          : translate({id: 'livecode.storage.asideUnreadable', message: '저장된 코드를 읽을 수 없어 불러오지 않았습니다.'});
      const where = notice.keptAs
        ? translate({id: 'livecode.storage.keptAs', message: '원래 기록은 localStorage의 {key}에 옮겨 두었습니다.'}, {key: notice.keptAs})
        : translate({id: 'livecode.storage.leftInPlace', message: '저장 공간이 부족해 옮기지 못하고 원래 자리에 그대로 두었습니다.'});
      return `${why} ${where}`;
    }
  }
}

export default function EditNotice({notice}: {notice: Notice | null}): ReactNode {
  return (
    <div role="status" className={styles.editNotice}>
      {notice ? <p>{noticeText(notice)}</p> : null}
    </div>
  );
}
