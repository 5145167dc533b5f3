/**
 * Everything below the editor once a program has run: the status line, the timeline, the punctuation notice, the
 * console and the inspectors, all at the session's moment. Shared by a runnable block and the playground page.
 */
import type {ReactNode} from 'react';
import {nextCallStop, previousCallStop} from '../../runner/timeline';
import RunStatus from './RunStatus';
import Timeline from './Timeline';
import PunctuationNotice from './PunctuationNotice';
import ConsoleOutput from './ConsoleOutput';
import Inspectors from './Inspectors';
import {traceCutText} from './runText';
import type {RunSession} from './useRunSession';

export interface RunPanelsProps {
  session: RunSession;
  expect?: string;
  /** id for the status line's error, which the editor names in aria-describedby */
  errorId: string;
}

export default function RunPanels({session: s, expect, errorId}: RunPanelsProps): ReactNode {
  const {outcome, fresh, at, last, moment} = s;
  return (
    <>
      <RunStatus running={s.running} result={outcome?.result ?? null} expect={expect} errorId={errorId} stale={!fresh} />
      {fresh && last > 0 ? (
        <Timeline
          moments={outcome!.timeline.moments}
          position={at}
          onMove={s.moveTo}
          previousCall={previousCallStop(outcome!.timeline, at)}
          nextCall={nextCallStop(outcome!.timeline, at)}
        />
      ) : null}
      <PunctuationNotice changes={fresh ? outcome!.punctuation : []} />
      {outcome ? (
        <ConsoleOutput
          lines={s.shownConsole}
          truncated={outcome.result.truncated && s.shownConsole === outcome.result.console}
          traceNote={traceCutText(outcome.result)}
        />
      ) : null}
      {s.state ? (
        <Inspectors
          state={s.state}
          currentCallId={moment && at < last ? moment.callId : null}
          lineOfCall={s.lineOfCall}
          selectedLine={s.selectedLine}
          selectedSegment={s.selectedSegment}
          onSelectSegment={s.selectSegment}
        />
      ) : null}
    </>
  );
}
