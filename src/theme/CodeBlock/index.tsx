/**
 * CodeBlock swizzle (wrap): a fenced block whose meta starts with `run` (```ts run```) becomes a runnable
 * LiveCode block; every other block is handed to the stock CodeBlock (@theme-original/CodeBlock) as it is.
 * The meta parser is the runner's, so this and the content test agree on which blocks run.
 * How ordinary blocks hydrate without Prism is a patch of the stock parts: src/patches/codeBlockLines.
 */
import type {ReactNode} from 'react';
import OriginalCodeBlock from '@theme-original/CodeBlock';
import type {Props} from '@theme/CodeBlock';
import LiveCode from '../../components/LiveCode';
import {parseRunMeta} from '../../runner/meta';

export default function CodeBlock(props: Props): ReactNode {
  const meta = parseRunMeta(props.metastring);
  if (meta.run && typeof props.children === 'string') {
    const language = /language-(\S+)/.exec(props.className ?? '')?.[1] ?? 'ts';
    return <LiveCode code={props.children} language={language} title={meta.title} expect={meta.expect} />;
  }
  return <OriginalCodeBlock {...props} />;
}
