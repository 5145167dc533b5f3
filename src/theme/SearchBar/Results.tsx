/**
 * The search itself, loaded on first use (src/theme/SearchBar/index.tsx): the locale's index, the query run on it,
 * the results with the reader's words marked. Ranking and tokenizing: src/search.
 */
import {useEffect, useMemo, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import {loadSearch, search, type Hit, type LoadedSearch} from '../../search/query';
import styles from './styles.module.css';

export interface ResultsProps {
  query: string;
  indexUrl: string;
  /** Escape in the list: close it, focus back in the box */
  onClose: () => void;
  /** a result was followed */
  onPicked: () => void;
}

export default function Results({query, indexUrl, onClose, onPicked}: ResultsProps): ReactNode {
  const [loaded, setLoaded] = useState<LoadedSearch | 'failed' | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loadSearch(indexUrl).then(
      (s) => live && setLoaded(s),
      () => live && setLoaded('failed'),
    );
    return () => {
      live = false;
    };
  }, [indexUrl, attempt]);

  const hits = useMemo(() => (loaded && loaded !== 'failed' ? search(loaded, query) : null), [loaded, query]);

  if (loaded === 'failed') {
    return (
      <div className={styles.panel} role="status">
        {translate({id: 'search.indexFailed', message: '검색 색인을 불러오지 못했어요.', description: 'The search index failed to load'})}{' '}
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => {
            setLoaded(null);
            setAttempt((n) => n + 1);
          }}>
          {translate({id: 'search.retry', message: '다시 시도', description: 'Retry loading the search'})}
        </button>
      </div>
    );
  }
  if (!hits) {
    return (
      <div className={styles.panel} role="status">
        {translate({id: 'search.loading', message: '검색을 준비하고 있어요…', description: 'While the search loads'})}
      </div>
    );
  }
  return (
    <div
      className={styles.panel}
      onKeyDown={(e) => {
        const links = [...e.currentTarget.querySelectorAll<HTMLAnchorElement>('[data-search-result]')];
        const at = links.indexOf(document.activeElement as HTMLAnchorElement);
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = at + (e.key === 'ArrowDown' ? 1 : -1);
          if (next < 0) onClose();
          else links[Math.min(next, links.length - 1)]?.focus();
        }
      }}>
      <p className={styles.count} role="status">
        {hits.length === 0
          ? translate({id: 'search.none', message: '찾는 말이 있는 페이지가 없어요.', description: 'No search results'})
          : translate(
              {id: 'search.count', message: '{count}개 페이지', description: 'How many pages matched the search'},
              {count: hits.length},
            )}
      </p>
      {hits.length > 0 ? (
        <ol className={styles.results}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <Link to={hit.id} data-search-result="" className={styles.result} onClick={onPicked}>
                <span className={styles.title}>{hit.title}</span>
                <span className={styles.excerpt}>
                  <Marked parts={hit.excerpt} />
                </span>
              </Link>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Marked({parts}: {parts: Hit['excerpt']}): ReactNode {
  return parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>));
}
