/** Stand-in for @docusaurus/Translate in jsdom tests: the default (Korean) message, with {placeholders} filled. */
import type {ReactNode} from 'react';

type Values = Record<string, ReactNode>;

function interpolate(message: string, values?: Values): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (values && key in values ? String(values[key]) : whole));
}

export function translate({message, id}: {message?: string; id?: string}, values?: Values): string {
  return interpolate(message ?? id ?? '', values);
}

export default function Translate({children, id, values}: {children?: string; id?: string; values?: Values}) {
  return <>{interpolate(children ?? id ?? '', values)}</>;
}
