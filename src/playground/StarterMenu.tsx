/**
 * The starter programs: a menu and "불러오기" / "Load". Loading one replaces the editor's program, so the program
 * it replaced stays one "되돌리기" / "Undo" away (nothing the reader typed is lost).
 */
import {useId, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {DEFAULT_STARTER, STARTER_IDS, type StarterId} from './starters';
import type {Locale} from './opening';
import styles from './styles.module.css';

function starterName(id: StarterId): string {
  switch (id) {
    case 'echo-server':
      return translate({id: 'playground.starter.echo', message: '에코 서버'});
    case 'http-client':
      return translate({id: 'playground.starter.http', message: 'HTTP 클라이언트'});
    case 'close-wait-leak':
      return translate({id: 'playground.starter.closeWait', message: 'CLOSE-WAIT 누수'});
    case 'eaddrinuse':
      return translate({id: 'playground.starter.eaddrinuse', message: 'EADDRINUSE (포트가 이미 쓰임)'});
    case 'port-scan':
      return translate({id: 'playground.starter.portScan', message: '포트 스캔'});
  }
}

export default function StarterMenu(props: {
  locale: Locale;
  current: string;
  onLoad: (id: StarterId) => void;
  onUndo: (code: string) => void;
}): ReactNode {
  const id = useId();
  const [choice, setChoice] = useState<StarterId>(DEFAULT_STARTER);
  /** the program the last load replaced, until the reader undoes or edits */
  const [replaced, setReplaced] = useState<{code: string; name: string} | null>(null);
  return (
    <div className={styles.starters}>
      <div className={styles.field}>
        <label htmlFor={id}>{translate({id: 'playground.starters', message: '예제 프로그램'})}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value as StarterId)}>
          {STARTER_IDS.map((s) => (
            <option key={s} value={s}>
              {starterName(s)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary button--sm"
          onClick={() => {
            setReplaced({code: props.current, name: starterName(choice)});
            props.onLoad(choice);
          }}>
          {translate({id: 'playground.loadStarter', message: '불러오기'})}
        </button>
      </div>
      <div role="status" className={styles.starterStatus}>
        {replaced ? (
          <>
            {translate({id: 'playground.starterLoaded', message: '"{name}"을(를) 불러왔어요.'}, {name: replaced.name})}{' '}
            <button
              type="button"
              className="button button--link button--sm"
              onClick={() => {
                props.onUndo(replaced.code);
                setReplaced(null);
              }}>
              {translate({id: 'playground.undoStarter', message: '되돌리기'})}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
