/** A mode's program as a runnable block (the same LiveCode the chapters use), loaded when opened. */
import {useMemo, type ReactNode} from 'react';
import LiveCode from '../LiveCode';
import {programFor} from '../../lab/programs';
import {labWorld} from '../../lab/request';
import type {LabMode} from '../../lab/modes';
import {modeName, text} from './strings';
import styles from './styles.module.css';

export default function CodePanel(props: {mode: LabMode; images: number; rttMs: number}): ReactNode {
  const world = useMemo(() => labWorld(props.rttMs), [props.rttMs]);
  return (
    <div className={styles.codePanel}>
      <p className={styles.codeNote}>{text.codeNote(props.rttMs)}</p>
      <LiveCode
        code={programFor(props.mode, props.images)}
        language="ts"
        title={modeName(props.mode)}
        world={world}
      />
    </div>
  );
}
