/** Radio buttons (one answer) or checkboxes (several) for a question's choices; native inputs, so the keyboard just works. */
import type {ReactNode} from 'react';
import type {Choice, Locale} from '../../quiz/types';
import {pick} from '../../quiz/locale';
import InlineText from './InlineText';
import styles from './styles.module.css';

interface Props {
  name: string;
  choices: Choice[];
  multiple: boolean;
  locale: Locale;
  value: string[];
  onChange: (value: string[]) => void;
}

export default function ChoiceInputs({name, choices, multiple, locale, value, onChange}: Props): ReactNode {
  return (
    <ul className={styles.choices}>
      {choices.map((choice, index) => {
        // by position: choice ids may be outcomes with spaces or quotes, which an id attribute cannot hold
        const id = `${name}-${index}`;
        const checked = value.includes(choice.id);
        return (
          <li key={choice.id}>
            <input
              id={id}
              type={multiple ? 'checkbox' : 'radio'}
              name={name}
              value={choice.id}
              checked={checked}
              onChange={(e) => {
                if (!multiple) onChange([choice.id]);
                else if (e.target.checked) onChange([...value.filter((v) => v !== choice.id), choice.id]);
                else onChange(value.filter((v) => v !== choice.id));
              }}
            />
            <label htmlFor={id}>
              <InlineText text={pick(choice.text, locale)} />
            </label>
          </li>
        );
      })}
    </ul>
  );
}
