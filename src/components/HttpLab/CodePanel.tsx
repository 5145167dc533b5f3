/** A mode's program as a runnable block (the same LiveCode the chapters use), loaded when opened. */
import {useMemo, type ReactNode} from 'react';
import LiveCode from '../LiveCode';
import {labRequest} from '../../lab/request';
import type {LabMode} from '../../lab/modes';
import {modeName, text} from './strings';
import styles from './styles.module.css';

export default function CodePanel(props: {mode: LabMode; images: number; rttMs: number}): ReactNode {
  // exactly what the lab runs for this mode: its program and its world (the round-trip time of the lab's run)
  const {mode, images, rttMs} = props;
  const request = useMemo(() => labRequest(mode, images, rttMs), [mode, images, rttMs]);
  return (
    <div className={styles.codePanel}>
      <p className={styles.codeNote}>{text.codeNote(rttMs)}</p>
      <LiveCode
        code={request.code}
        language="ts"
        title={modeName(mode)}
        world={request.world}
      />
    </div>
  );
}
