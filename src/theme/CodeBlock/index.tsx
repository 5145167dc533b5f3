/**
 * CodeBlock swizzle (wrap): a fenced block whose meta starts with `run` (```ts run```) becomes a runnable
 * LiveCode block; every other block is drawn by the stock CodeBlock's own parts, unchanged.
 * The meta parser is the runner's, so this and the content test agree on which blocks run.
 *
 * The stock CodeBlock (@theme-original/CodeBlock) is these few lines plus `key={String(isBrowser)}`, which remounts
 * every block right after hydration — tokenizing it again and rebuilding its DOM, on every page, in one blocking
 * task — so that dark mode gets its token colours. Docusaurus 3.10's colour mode already lags behind hydration on
 * purpose (light on the server and in the first client render, the reader's mode right after), so a dark page simply
 * re-renders with the dark theme and React patches the colours in place: the remount is left out.
 */
import {Children, isValidElement, type ReactNode} from 'react';
import StringContent from '@theme/CodeBlock/Content/String';
import ElementContent from '@theme/CodeBlock/Content/Element';
import type {Props} from '@theme/CodeBlock';
import LiveCode from '../../components/LiveCode';
import {parseRunMeta} from '../../runner/meta';

/** As the stock CodeBlock: plain strings are joined so the block can be highlighted and copied; elements stay. */
function stringifyChildren(children: ReactNode): ReactNode {
  if (Children.toArray(children).some((el) => isValidElement(el))) return children;
  return Array.isArray(children) ? children.join('') : children;
}

export default function CodeBlock(props: Props): ReactNode {
  const meta = parseRunMeta(props.metastring);
  if (meta.run && typeof props.children === 'string') {
    const language = /language-(\S+)/.exec(props.className ?? '')?.[1] ?? 'ts';
    return <LiveCode code={props.children} language={language} title={meta.title} expect={meta.expect} />;
  }
  const {children: rawChildren, ...rest} = props;
  const children = stringifyChildren(rawChildren);
  return typeof children === 'string' ? (
    <StringContent {...rest}>{children}</StringContent>
  ) : (
    <ElementContent {...rest}>{children}</ElementContent>
  );
}
