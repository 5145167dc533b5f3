/**
 * The navbar's search box (swizzled: theme-classic ships none). This file is on every page, so it is only the box:
 * the search itself (MiniSearch, the results list) is a chunk of its own, and the index (search-index.json of the
 * page's locale, made after the build by src/plugins/offline) is fetched by it, both when the reader first focuses
 * the box or presses / or Ctrl+K. Until then a page loads nothing for search.
 * Whatever the reader types before the chunk arrives stays in the box and is searched as soon as it is there.
 */
import {useCallback, useEffect, useRef, useState, type ComponentType, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {loadOnce} from '../../lib/loadOnce';
import type {ResultsProps} from './Results';
import styles from './styles.module.css';

const results = loadOnce<ComponentType<ResultsProps>>(() =>
  import(/* webpackChunkName: "search" */ './Results').then((m) => m.default),
);

/** a key pressed while the reader is writing somewhere is theirs, not a shortcut */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export default function SearchBar(): ReactNode {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [Results, setResults] = useState<ComponentType<ResultsProps> | null>(() => results.current());
  const [failed, setFailed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const indexUrl = useBaseUrl('/search-index.json');
  const label = translate({id: 'search.label', message: '검색', description: 'Accessible name of the navbar search box'});

  const start = useCallback(() => {
    setOpen(true);
    setFailed(false);
    results.load().then(
      (component) => setResults(() => component),
      () => setFailed(true),
    );
  }, []);

  // / or Ctrl+K (Cmd+K) from anywhere on the page
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
      const ctrlK = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey;
      if (!slash && !ctrlK) return;
      e.preventDefault();
      inputRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // a click or focus elsewhere closes the list
  useEffect(() => {
    if (!open) return;
    const onDown = (e: Event) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('focusin', onDown);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('focusin', onDown);
    };
  }, [open]);

  const close = useCallback(() => {
    setOpen(false);
    inputRef.current?.focus();
  }, []);

  return (
    <div ref={rootRef} className={styles.search} role="search">
      <input
        ref={inputRef}
        type="search"
        className={styles.input}
        aria-label={label}
        placeholder={label}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!open) start();
        }}
        onFocus={start}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (query) setQuery('');
            else setOpen(false);
          } else if (e.key === 'ArrowDown' || (e.key === 'Enter' && open)) {
            // into the list: its first link
            const first = rootRef.current?.querySelector<HTMLAnchorElement>('[data-search-result]');
            if (first) {
              e.preventDefault();
              if (e.key === 'Enter') first.click();
              else first.focus();
            }
          }
        }}
      />
      {/* the shortcut, shown where there is room and a keyboard is likely (not in a phone's narrow navbar) */}
      {query ? null : (
        <kbd className={styles.shortcut} aria-hidden="true">
          /
        </kbd>
      )}
      {open && query.trim() ? (
        Results ? (
          <Results query={query} indexUrl={indexUrl} onClose={close} onPicked={() => setOpen(false)} />
        ) : (
          <div className={styles.panel} role="status">
            {failed ? (
              <>
                {translate({id: 'search.chunkFailed', message: '검색을 불러오지 못했어요.', description: 'The search code failed to load'})}{' '}
                <button type="button" className="button button--sm button--secondary" onClick={start}>
                  {translate({id: 'search.retry', message: '다시 시도', description: 'Retry loading the search'})}
                </button>
              </>
            ) : (
              translate({id: 'search.loading', message: '검색을 준비하고 있어요…', description: 'While the search loads'})
            )}
          </div>
        )
      ) : null}
    </div>
  );
}
