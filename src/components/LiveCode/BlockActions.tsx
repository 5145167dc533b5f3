/**
 * A runnable block's way out: "놀이터에서 열기" / "Open in playground" (a link to the playground carrying the block's
 * current code and world in its fragment) and "복사" / "Copy" (the code to the clipboard, confirmed on a status line).
 * Eager (the placeholder shows it too, so nothing moves when the block wakes): the link codec is loaded only when the
 * link is reached for.
 */
import {useState, type MouseEvent, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {WorldOptions} from '../../sim/api';
import styles from './styles.module.css';

export interface BlockActionsProps {
  code: string;
  world?: WorldOptions;
}

/** the link for this code: the fragment is built by the codec, a small chunk of its own */
async function playgroundHref(path: string, code: string, world: WorldOptions | undefined): Promise<string> {
  const [{encodeShareFragment}, {settingsFromWorld}] = await Promise.all([
    import(/* webpackChunkName: "share-link" */ '../../playground/shareLink'),
    import(/* webpackChunkName: "share-link" */ '../../playground/settings'),
  ]);
  return `${path}#${await encodeShareFragment({code, settings: settingsFromWorld(world)})}`;
}

type CopyState = 'idle' | 'copied' | 'failed';

export default function BlockActions({code, world}: BlockActionsProps): ReactNode {
  // the locale's base ('/' or '/en/'): the playground of the reader's language
  const path = `${useDocusaurusContext().siteConfig.baseUrl ?? '/'}playground`;
  // the href built for `code` (the link works without it: a click builds it first)
  const [built, setBuilt] = useState<{code: string; href: string} | null>(null);
  const [copy, setCopy] = useState<{state: CopyState; n: number}>({state: 'idle', n: 0});
  const href = built && built.code === code ? built.href : path;

  const prepare = () => {
    if (built?.code === code) return;
    playgroundHref(path, code, world).then(
      (h) => setBuilt({code, href: h}),
      () => {},
    );
  };
  const onOpen = (e: MouseEvent<HTMLAnchorElement>) => {
    if (built?.code === code || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    playgroundHref(path, code, world).then(
      (h) => window.location.assign(h),
      // the codec did not load (offline): the playground itself, with its default program
      () => window.location.assign(path),
    );
  };
  const onCopy = async () => {
    let state: CopyState = 'copied';
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      state = 'failed';
    }
    const n = copy.n + 1;
    setCopy({state, n});
    // the confirmation goes away after a while, unless a newer copy has replaced it
    window.setTimeout(() => setCopy((c) => (c.n === n ? {state: 'idle', n} : c)), 2500);
  };

  return (
    <span className={styles.blockActions}>
      <a
        className="button button--link button--sm"
        href={href}
        onPointerEnter={prepare}
        onFocus={prepare}
        onClick={onOpen}>
        {translate({id: 'livecode.openInPlayground', message: '놀이터에서 열기', description: "Link opening the block's code in the playground page"})}
      </a>
      <button type="button" className="button button--secondary button--sm" onClick={() => void onCopy()}>
        {translate({id: 'livecode.copy', message: '복사', description: "Button copying the block's code to the clipboard"})}
      </button>
      <span role="status" className={styles.copyStatus}>
        {copy.state === 'copied'
          ? translate({id: 'livecode.copied', message: '복사했어요', description: 'Shown after the code was copied to the clipboard'})
          : copy.state === 'failed'
            ? translate({
                id: 'livecode.copyFailed',
                message: '복사하지 못했어요. 코드를 직접 선택해 복사해 주세요.',
                description: 'Shown when the browser refused to copy the code',
              })
            : null}
      </span>
    </span>
  );
}
