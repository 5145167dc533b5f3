/** Question text with `backticks` shown as inline code (the only markup quiz data uses). */
import type {ReactNode} from 'react';

export default function InlineText({text}: {text: string}): ReactNode {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>))}
    </>
  );
}
