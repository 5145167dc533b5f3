/**
 * "링크 복사" / "Copy link": the program and settings into the address (the URL bar then holds the same link) and
 * onto the clipboard. When the browser refuses the clipboard, the link is shown in a field to copy by hand.
 */
import {useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

type State = {kind: 'idle'} | {kind: 'copied'; length: number} | {kind: 'manual'; url: string} | {kind: 'failed'};

export default function CopyLink({make}: {make: () => Promise<string>}): ReactNode {
  const [state, setState] = useState<State>({kind: 'idle'});
  const onClick = async () => {
    let url: string;
    try {
      const fragment = await make();
      url = `${window.location.origin}${window.location.pathname}#${fragment}`;
      // replaceState, not location.hash: no hashchange (which would reopen the playground) and no history entry
      window.history.replaceState(window.history.state, '', `#${fragment}`);
    } catch {
      setState({kind: 'failed'});
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setState({kind: 'copied', length: url.length});
    } catch {
      setState({kind: 'manual', url});
    }
  };
  return (
    <span className={styles.copyLink}>
      <button type="button" className="button button--secondary button--sm" onClick={() => void onClick()}>
        {translate({id: 'playground.copyLink', message: '링크 복사', description: 'Copies the share link of the program'})}
      </button>
      <span role="status" className={styles.copyStatus}>
        {state.kind === 'copied'
          ? translate({id: 'playground.linkCopied', message: '링크를 복사했어요 ({length}자)'}, {length: state.length})
          : state.kind === 'failed'
            ? translate({id: 'playground.linkFailed', message: '링크를 만들지 못했어요.'})
            : state.kind === 'manual'
              ? translate({id: 'playground.linkManual', message: '클립보드를 쓸 수 없어요. 아래 링크를 직접 복사해 주세요.'})
              : null}
      </span>
      {state.kind === 'manual' ? (
        <input
          className={styles.manualLink}
          readOnly
          value={state.url}
          aria-label={translate({id: 'playground.linkField', message: '공유 링크'})}
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
    </span>
  );
}
