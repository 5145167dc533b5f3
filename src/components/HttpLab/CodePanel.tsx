/** A mode's program as a runnable block (the same LiveCode the chapters use), loaded when opened. */
import {useMemo, type ReactNode} from 'react';
import LiveCode from '../LiveCode';
import {labRequest} from '../../lab/request';
import type {LabConditions, LabMode} from '../../lab/modes';
import {modeName, text} from './strings';
import styles from './styles.module.css';

export default function CodePanel(props: {mode: LabMode; images: number; rttMs: number; conditions: LabConditions}): ReactNode {
  // exactly what the lab runs for this mode: its program and its world (round-trip time, loss, think time of the lab's run)
  const {mode, images, rttMs, conditions} = props;
  const {lossPct, thinkMs} = conditions;
  const request = useMemo(() => labRequest(mode, images, rttMs, {lossPct, thinkMs}), [mode, images, rttMs, lossPct, thinkMs]);
  return (
    <div className={styles.codePanel}>
      <p className={styles.codeNote}>{text.codeNote(rttMs, lossPct, thinkMs)}</p>
      <LiveCode
        code={request.code}
        language="ts"
        title={modeName(mode)}
        world={request.world}
      />
    </div>
  );
}
