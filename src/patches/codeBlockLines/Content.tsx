/**
 * CodeBlock/Content stand-in (./index.ts swaps it in): the stock component, with its lines drawn by src/prism instead of
 * prism-react-renderer's <Highlight>. The markup and classes are the stock ones; what changes:
 * - while the page hydrates, the lines are the server's HTML, kept as it is (no Prism on the page's critical path);
 * - token colours are carried for both colour modes (src/prism/tokens.ts), so kept HTML follows dark mode.
 * Line numbers, magic-comment line classes, word wrap and the copy button work as in the stock block.
 */
import {forwardRef, type ComponentProps, type ReactNode} from 'react';
import clsx from 'clsx';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import Line from '@theme/CodeBlock/Line';
import type {Props} from '@theme/CodeBlock/Content';
import {useCodeLines} from '../../prism';
// the stock component's own styles, so the markup keeps matching them
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';

const Pre = forwardRef<HTMLPreElement, ComponentProps<'pre'>>(function Pre(props, ref) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <pre ref={ref} tabIndex={0} {...props} className={clsx(props.className, styles.codeBlock, 'thin-scrollbar')} />
  );
});

export default function CodeBlockContent({className: classNameProp}: Props): ReactNode {
  const {metadata, wordWrap} = useCodeBlockContext();
  const {code, language, lineNumbersStart, lineClassNames} = metadata;
  const {lines, keptProps, className, colorsClass, style, getLineProps, getTokenProps} = useCodeLines(code, language);
  const codeProps = {
    className: clsx(styles.codeBlockLines, lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering),
    style: {counterReset: lineNumbersStart === undefined ? undefined : `line-count ${lineNumbersStart - 1}`},
  };
  return (
    <Pre ref={wordWrap.codeBlockRef} className={clsx(classNameProp, className, colorsClass)} style={style}>
      {lines ? (
        <code {...codeProps}>
          {lines.map((line, i) => (
            <Line
              key={i}
              line={line}
              getLineProps={getLineProps as never}
              getTokenProps={getTokenProps as never}
              classNames={lineClassNames[i]}
              showLineNumbers={lineNumbersStart !== undefined}
            />
          ))}
        </code>
      ) : (
        <code {...codeProps} {...keptProps} />
      )}
    </Pre>
  );
}
