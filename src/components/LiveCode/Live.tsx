/**
 * The live part of a runnable block (lazy chunk): editor, Run/Reset/Step/Back, the worker runner, the
 * timeline, the console output and the inspectors. The runs and the moment shown live in useRunSession (shared
 * with the playground page); what is shown below the editor is RunPanels.
 */
import {useEffect, useId, type ReactNode} from 'react';
import type {WorldOptions} from '../../sim/api';
import Toolbar from './Toolbar';
import SessionEditor from './SessionEditor';
import {getRunner} from './runnerFactory';
import {useSavedEdit} from './useSavedEdit';
import EditedMark from './EditedMark';
import EditNotice from './EditNotice';
import RunPanels from './RunPanels';
import BlockActions from './BlockActions';
import {useRunSession} from './useRunSession';
import type {EarlyIntent} from './index';

export interface LiveProps {
  original: string;
  language: string;
  expect?: string;
  intent: EarlyIntent;
  world?: WorldOptions;
}

export default function Live({original, language, expect, intent, world}: LiveProps): ReactNode {
  // the reader's code, saved as it changes (a mount with what is stored, or the original, writes nothing)
  const saved = useSavedEdit(original);
  const {code, setCode} = saved;
  const session = useRunSession(code, world);
  const errorId = useId();

  useEffect(() => {
    if (intent.run) void session.run();
    // Only once: a Run pressed on the placeholder before this part loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onReset = () => {
    saved.reset();
    session.clear();
  };

  // Start the worker as soon as the reader reaches for the block, so Run answers quickly.
  const warmUp = () => void getRunner().catch(() => {});
  const {fresh, at, last, running} = session;

  return (
    <div onPointerEnter={warmUp} onFocus={warmUp}>
      {saved.edited ? <EditedMark savedAt={saved.savedAt} /> : null}
      <Toolbar
        onRun={() => void session.run()}
        onReset={onReset}
        onStep={session.step}
        onBack={session.back}
        running={running}
        canReset={code !== original || session.outcome !== null}
        canStep={!running && (!fresh || at < last)}
        canBack={!running && fresh && at > 0}
        extra={<BlockActions code={code} world={world} />}
      />
      <SessionEditor code={code} language={language} onChange={setCode} session={session} errorId={errorId} autoFocus={intent.focus} />
      <EditNotice notice={saved.notice} />
      <RunPanels session={session} expect={expect} errorId={errorId} />
    </div>
  );
}
