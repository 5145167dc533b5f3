/**
 * Run / Reset / Step / Back. The same toolbar is shown by the placeholder (before the editor loads)
 * and by the live block, so the layout does not move.
 */
import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import styles from './styles.module.css';

export interface ToolbarProps {
  onRun: () => void;
  onReset?: () => void;
  onStep?: () => void;
  onBack?: () => void;
  running?: boolean;
  canReset?: boolean;
  canStep?: boolean;
  canBack?: boolean;
  /** "step 2 / 5" while stepping */
  position?: string;
}

export default function Toolbar(props: ToolbarProps): ReactNode {
  return (
    <div className={styles.toolbar}>
      <button type="button" className="button button--primary button--sm" onClick={props.onRun} aria-busy={props.running || undefined}>
        {translate({id: 'livecode.run', message: '실행', description: 'Run button of a runnable code block'})}
      </button>
      <button type="button" className="button button--secondary button--sm" onClick={props.onReset} disabled={!props.canReset}>
        {translate({id: 'livecode.reset', message: '초기화', description: 'Reset button: back to the author code'})}
      </button>
      <button type="button" className="button button--secondary button--sm" onClick={props.onStep} disabled={!props.canStep}>
        {translate({id: 'livecode.step', message: '한 단계', description: 'Step button: advance one socket call'})}
      </button>
      <button type="button" className="button button--secondary button--sm" onClick={props.onBack} disabled={!props.canBack}>
        {translate({id: 'livecode.back', message: '이전', description: 'Back button: go one socket call back'})}
      </button>
      {props.position ? <span className={styles.position}>{props.position}</span> : null}
    </div>
  );
}
