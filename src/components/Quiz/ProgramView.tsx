/** A quiz program shown read-only and highlighted exactly like the chapters' static code blocks. */
import type {ReactNode} from 'react';
import CodeBlock from '@theme/CodeBlock';

export default function ProgramView({code, title}: {code: string; title?: string}): ReactNode {
  return (
    <CodeBlock language="ts" title={title}>
      {code}
    </CodeBlock>
  );
}
