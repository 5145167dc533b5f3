/** Stand-in for @theme-original/CodeBlock: marks what the swizzle passed through unchanged. */
export default function OriginalCodeBlock(props: {children?: unknown; metastring?: string; className?: string}) {
  return (
    <pre data-testid="original-codeblock" data-meta={props.metastring ?? ''} className={props.className}>
      {String(props.children ?? '')}
    </pre>
  );
}
