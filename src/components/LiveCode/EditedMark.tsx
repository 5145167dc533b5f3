/**
 * "수정됨 · 12월 5일 14:03" / "Edited · Dec 5, 14:03" under a block's title when the editor holds the reader's code,
 * not the author's: after a reload the code may no longer match the title or the text around it, and this says why.
 * An edit saved before times were kept shows the word alone.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import styles from './styles.module.css';

const formats = new Map<string, Intl.DateTimeFormat>();

/** Month, day and 24-hour time in the page's locale; the year too when it is not this year's. */
export function formatEditTime(savedAt: number, locale: string, now: number = Date.now()): string {
  const withYear = new Date(savedAt).getFullYear() !== new Date(now).getFullYear();
  const id = `${locale}:${withYear}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: withYear ? 'numeric' : undefined,
      month: locale.startsWith('ko') ? 'long' : 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(id, format);
  }
  return format.format(savedAt);
}

export default function EditedMark({savedAt}: {savedAt: number | null}): ReactNode {
  const {i18n} = useDocusaurusContext();
  return (
    <p className={styles.edited} data-edited="">
      {translate({id: 'livecode.edited', message: '수정됨', description: 'Mark on a runnable block whose code the reader changed'})}
      {savedAt !== null ? (
        <>
          {' · '}
          <time dateTime={new Date(savedAt).toISOString()}>{formatEditTime(savedAt, i18n.currentLocale)}</time>
        </>
      ) : null}
    </p>
  );
}
