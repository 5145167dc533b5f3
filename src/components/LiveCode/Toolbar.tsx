/**
 * Run / Reset / Step / Back. The same toolbar is shown by the placeholder (before the editor loads)
 * and by the live block, so the layout does not move.
 */
import {useEffect, useRef, type ReactNode} from 'react';
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
  /** more controls at the row's end (a block's "Open in playground" and copy; the playground's own) */
  extra?: ReactNode;
}

export default function Toolbar(props: ToolbarProps): ReactNode {
  const stepRef = useRef<HTMLButtonElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  /** the stepping button the reader pressed last: when it becomes disabled (an end of the run), focus goes to the other */
  const pressed = useRef<'step' | 'back' | null>(null);
  useEffect(() => {
    const lost = (el: HTMLElement | null) => document.activeElement === el || document.activeElement === document.body;
    if (pressed.current === 'step' && !props.canStep && props.canBack && lost(stepRef.current)) backRef.current?.focus();
    if (pressed.current === 'back' && !props.canBack && props.canStep && lost(backRef.current)) stepRef.current?.focus();
  }, [props.canStep, props.canBack]);
  return (
    <div className={styles.toolbar}>
      <button type="button" className="button button--primary button--sm" onClick={props.onRun} aria-busy={props.running || undefined}>
        {translate({id: 'livecode.run', message: '실행', description: 'Run button of a runnable code block'})}
      </button>
      <button type="button" className="button button--secondary button--sm" onClick={props.onReset} disabled={!props.canReset}>
        {translate({id: 'livecode.reset', message: '초기화', description: 'Reset button: back to the author code'})}
      </button>
      <button
        ref={stepRef}
        type="button"
        className="button button--secondary button--sm"
        onClick={() => {
          pressed.current = 'step';
          props.onStep?.();
        }}
        disabled={!props.canStep}>
        {translate({id: 'livecode.step', message: '한 단계', description: 'Step button: advance one moment of the run'})}
      </button>
      <button
        ref={backRef}
        type="button"
        className="button button--secondary button--sm"
        onClick={() => {
          pressed.current = 'back';
          props.onBack?.();
        }}
        disabled={!props.canBack}>
        {translate({id: 'livecode.back', message: '이전', description: 'Back button: go one moment of the run back'})}
      </button>
      {props.extra}
    </div>
  );
}
