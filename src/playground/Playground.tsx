/**
 * The playground's live part (lazy chunk "playground"): the runnable block's editor, toolbar, timeline and
 * inspectors (src/components/LiveCode: useRunSession + RunPanels, composed, not copied), plus the world settings,
 * the starter menu and "링크 복사" / "Copy link". Runs go to the page's one runner with RunRequest.world.
 */
import {useEffect, useId, useMemo, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import Toolbar from '../components/LiveCode/Toolbar';
import SessionEditor from '../components/LiveCode/SessionEditor';
import EditNotice from '../components/LiveCode/EditNotice';
import RunPanels from '../components/LiveCode/RunPanels';
import {useRunSession} from '../components/LiveCode/useRunSession';
import {getRunner} from '../components/LiveCode/runnerFactory';
import {saveEdit, type EditNotice as Notice} from '../components/LiveCode/storage';
import {openPlayground, playgroundKey, type Locale, type Opening} from './opening';
import {DEFAULT_STARTER, starterCode, type StarterId} from './starters';
import {settingsFromInputs, worldOptions, type WorldSettings} from './settings';
import {encodeShareFragment} from './shareLink';
import {linkErrorText} from './words';
import WorldInputs, {type SettingInputs} from './WorldInputs';
import StarterMenu from './StarterMenu';
import CopyLink from './CopyLink';
import Placeholder from './Placeholder';
import RunExports from '../components/RunExports';
import styles from './styles.module.css';

function inputsOf(s: WorldSettings): SettingInputs {
  return {rtt: String(s.rttMs), loss: String(s.lossPct), seed: String(s.seed)};
}

export default function Playground(): ReactNode {
  const {i18n} = useDocusaurusContext();
  const locale: Locale = i18n.currentLocale === 'en' ? 'en' : 'ko';
  /** what to open with, and which opening it is (a link pasted into this tab's address bar is a new one) */
  const [opening, setOpening] = useState<{n: number; value: Opening} | null>(null);

  // the fragment is read in the browser only; a link pasted into this tab's address bar opens too
  useEffect(() => {
    let current = true;
    let n = 0;
    const open = () => {
      const mine = ++n;
      setOpening(null);
      void openPlayground(window.location.hash, locale).then((value) => {
        if (current && mine === n) setOpening({n: mine, value});
      });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => {
      current = false;
      window.removeEventListener('hashchange', open);
    };
  }, [locale]);

  if (!opening) return <Placeholder />;
  // a new opening (another link) starts afresh
  return <Session key={opening.n} opening={opening.value} locale={locale} />;
}

function Session({opening, locale}: {opening: Opening; locale: Locale}): ReactNode {
  const defaultCode = useMemo(() => starterCode(DEFAULT_STARTER, locale), [locale]);
  const [code, setCodeState] = useState(opening.code);
  const [notice, setNotice] = useState<Notice | null>(opening.storageNotice);
  const [inputs, setInputs] = useState<SettingInputs>(() => inputsOf(opening.settings));
  const [starter, setStarter] = useState<StarterId | null>(null);
  const settings = settingsFromInputs(inputs.rtt, inputs.loss, inputs.seed);
  const world = useMemo(() => worldOptions(settings), [settings.rttMs, settings.lossPct, settings.seed]);
  const session = useRunSession(code, world, {locale});
  const errorId = useId();

  /** every edit is kept (a link's program too, once the reader changes it) */
  const setCode = (next: string) => {
    setCodeState(next);
    const saveNotice = saveEdit(playgroundKey(locale), next, defaultCode);
    setNotice((was) => saveNotice ?? (was?.kind === 'set-aside' ? was : null));
  };

  const loadStarter = (id: StarterId) => {
    setStarter(id);
    setCode(starterCode(id, locale));
    session.clear();
  };

  const warmUp = () => void getRunner().catch(() => {});
  /** the last run's result (what RunExports takes) */
  const result = session.outcome?.result ?? null;
  const {fresh, at, last, running} = session;
  const canReset = code !== (starter ? starterCode(starter, locale) : opening.code) || session.outcome !== null;

  return (
    <div className={styles.playground} onPointerEnter={warmUp} onFocus={warmUp} data-playground="" data-last-status={result?.status ?? 'none'}>
      {opening.linkError ? (
        <div role="alert" className={`alert alert--warning ${styles.notice}`} data-link-error={opening.linkError}>
          {linkErrorText(opening.linkError)}
        </div>
      ) : null}
      <div className={styles.controls}>
        <StarterMenu locale={locale} current={code} onLoad={loadStarter} onUndo={setCode} />
        <WorldInputs inputs={inputs} onChange={setInputs} onCommit={() => setInputs(inputsOf(settings))} />
      </div>
      <Toolbar
        onRun={() => {
          setInputs(inputsOf(settings));
          void session.run();
        }}
        onReset={() => {
          setCode(starter ? starterCode(starter, locale) : opening.code);
          session.clear();
        }}
        onStep={session.step}
        onBack={session.back}
        running={running}
        canReset={canReset}
        canStep={!running && (!fresh || at < last)}
        canBack={!running && fresh && at > 0}
        extra={<CopyLink make={() => encodeShareFragment({code, settings})} />}
      />
      <SessionEditor code={code} language="ts" onChange={setCode} session={session} errorId={errorId} />
      <EditNotice notice={notice} />
      <RunPanels session={session} errorId={errorId} />
      <RunExports result={result} code={code} />
    </div>
  );
}
