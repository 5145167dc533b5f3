/**
 * Time travel over a finished run: the slider "타임라인" / "Timeline" over every moment (arrows, Home/End work
 * natively), call-by-call jumps, where we are, and what just happened in words. Step/Back in the toolbar move
 * one moment; this is the rest of the controls.
 */
import {useEffect, useId, useRef, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {Moment} from '../../runner/timeline';
import {momentCaption} from './momentText';
import styles from './styles.module.css';

export interface TimelineProps {
  moments: Moment[];
  position: number;
  onMove: (k: number) => void;
  /** the call-by-call jump's targets from here, or null when there is none that way */
  previousCall: number | null;
  nextCall: number | null;
}

export default function Timeline({moments, position, onMove, previousCall, nextCall}: TimelineProps): ReactNode {
  const id = useId();
  const sliderRef = useRef<HTMLInputElement>(null);
  const previousRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  /** the jump button pressed last: when it runs out (disabled), the focus goes to the other one, or the slider */
  const pressed = useRef<'previous' | 'next' | null>(null);
  useEffect(() => {
    const [gone, other] = pressed.current === 'next' ? [nextCall, previousRef] : [previousCall, nextRef];
    if (pressed.current === null || gone !== null) return;
    const mine = pressed.current === 'next' ? nextRef.current : previousRef.current;
    if (document.activeElement !== mine && document.activeElement !== document.body) return;
    (other.current && !other.current.disabled ? other.current : sliderRef.current)?.focus();
  }, [previousCall, nextCall]);
  const last = moments.length - 1;
  const caption = momentCaption(moments[position]);
  const where = translate({id: 'livecode.timeline.position', message: '{k} / {n}'}, {k: position, n: last});
  return (
    <div className={styles.timeline}>
      <div className={styles.timelineRow}>
        <label htmlFor={id} className={styles.timelineLabel}>
          {translate({id: 'livecode.timeline', message: '타임라인', description: 'Slider over every moment of a run'})}
        </label>
        <input
          ref={sliderRef}
          id={id}
          type="range"
          className={styles.slider}
          min={0}
          max={last}
          step={1}
          value={position}
          aria-valuetext={`${where} · ${caption}`}
          onChange={(e) => onMove(Number(e.currentTarget.value))}
        />
        <span className={styles.position}>{where}</span>
      </div>
      <div className={styles.timelineRow}>
        <button
          ref={previousRef}
          type="button"
          className="button button--secondary button--sm"
          disabled={previousCall === null}
          onClick={() => {
            pressed.current = 'previous';
            if (previousCall !== null) onMove(previousCall);
          }}>
          {translate({id: 'livecode.timeline.previousCall', message: '이전 호출', description: 'Jump back to the previous socket call'})}
        </button>
        <button
          ref={nextRef}
          type="button"
          className="button button--secondary button--sm"
          disabled={nextCall === null}
          onClick={() => {
            pressed.current = 'next';
            if (nextCall !== null) onMove(nextCall);
          }}>
          {translate({id: 'livecode.timeline.nextCall', message: '다음 호출', description: 'Jump to the next socket call'})}
        </button>
      </div>
      <p className={styles.caption} aria-live="polite" data-moment={moments[position].kind}>
        {caption}
      </p>
    </div>
  );
}
