/**
 * The world's settings: "왕복 시간" / "Round-trip time" (ms), "패킷 손실" / "Packet loss" (%), "난수 시드" / "Random
 * seed". Kept as typed; brought within bounds when the reader leaves a field or runs (settings.ts).
 */
import {useId, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {LOSS_MAX_PCT, LOSS_MIN_PCT, RTT_MAX_MS, RTT_MIN_MS, SEED_MAX, SEED_MIN} from './settings';
import styles from './styles.module.css';

export interface SettingInputs {
  rtt: string;
  loss: string;
  seed: string;
}

export default function WorldInputs(props: {
  inputs: SettingInputs;
  onChange: (next: SettingInputs) => void;
  onCommit: () => void;
}): ReactNode {
  const id = useId();
  const {inputs, onChange, onCommit} = props;
  const field = (
    key: keyof SettingInputs,
    label: string,
    unit: string,
    min: number,
    max: number,
    step: number,
  ): ReactNode => (
    <div className={styles.field}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="number"
        inputMode={key === 'loss' ? 'decimal' : 'numeric'}
        min={min}
        max={max}
        step={step}
        value={inputs[key]}
        onChange={(e) => onChange({...inputs, [key]: e.target.value})}
        onBlur={onCommit}
        aria-describedby={unit ? `${id}-${key}-unit` : undefined}
      />
      {unit ? (
        <span id={`${id}-${key}-unit`} className={styles.unit}>
          {unit}
        </span>
      ) : null}
    </div>
  );
  return (
    <fieldset className={styles.world}>
      <legend>{translate({id: 'playground.world', message: '네트워크 설정'})}</legend>
      {field('rtt', translate({id: 'playground.rtt', message: '왕복 시간'}), 'ms', RTT_MIN_MS, RTT_MAX_MS, 10)}
      {field('loss', translate({id: 'playground.loss', message: '패킷 손실'}), '%', LOSS_MIN_PCT, LOSS_MAX_PCT, 1)}
      {field('seed', translate({id: 'playground.seed', message: '난수 시드'}), '', SEED_MIN, SEED_MAX, 1)}
    </fieldset>
  );
}
