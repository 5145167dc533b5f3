/** Stand-in for @theme/CodeBlock in jsdom tests: the code in a <pre>. */
export default function CodeBlock({children}: {children?: string}) {
  return <pre>{children}</pre>;
}
