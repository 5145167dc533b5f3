import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

// Two projects, one runner: `unit` (pure code and jsdom components) and `browser`
// (playwright-core driving Debian's Chromium against the built site; see e2e/global-setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 60_000,
          setupFiles: ['test/setup/waitLonger.ts'],
          // One more attempt, as for the browser tests: some unit tests drive the real kernel, python3, cc and tshark
          // on a shared machine (stop 28's CI failed one unit test that its tail did not name). A test that passes only
          // on its second attempt is named, with its first failure, by scripts/test-all.mjs.
          retry: 1,
        },
        // Vite 8 transforms with oxc, which follows tsconfig's jsx: 'preserve' unless told otherwise.
        oxc: {jsx: {runtime: 'automatic'}},
        // Docusaurus resolves these aliases at build time; jsdom component tests get small stand-ins.
        resolve: {
          alias: [
            {find: /^@docusaurus\/Translate$/, replacement: fileURLToPath(new URL('./test/components/stubs/Translate.tsx', import.meta.url))},
            {find: /^@docusaurus\/theme-common$/, replacement: fileURLToPath(new URL('./test/components/stubs/theme-common.ts', import.meta.url))},
            // as on the server: the highlighter is simply there (the browser build loads it as a chunk)
            {find: /^@site\/src\/prism\/now$/, replacement: fileURLToPath(new URL('./src/prism/now.server.ts', import.meta.url))},
            {find: /^@docusaurus\/useIsBrowser$/, replacement: fileURLToPath(new URL('./test/components/stubs/useIsBrowser.ts', import.meta.url))},
            {find: /^@theme-original\/CodeBlock$/, replacement: fileURLToPath(new URL('./test/components/stubs/OriginalCodeBlock.tsx', import.meta.url))},
            {find: /^@docusaurus\/useDocusaurusContext$/, replacement: fileURLToPath(new URL('./test/quiz/stubs/useDocusaurusContext.ts', import.meta.url))},
            {find: /^@docusaurus\/Link$/, replacement: fileURLToPath(new URL('./test/quiz/stubs/Link.tsx', import.meta.url))},
            {find: /^@theme\/CodeBlock$/, replacement: fileURLToPath(new URL('./test/quiz/stubs/CodeBlock.tsx', import.meta.url))},
            // the site's own files, as tsconfig maps them (after the stand-ins above, which take precedence)
            {find: /^@site\//, replacement: fileURLToPath(new URL('./', import.meta.url))},
          ],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One more attempt for a browser test that fails: on a shared 2-core CI machine, Chromium once stalled a
          // page for 120 s that passes in 15 local loads. A test that passes only on its second attempt is not
          // hidden: scripts/test-all.mjs names it, with its first failure, above the totals.
          retry: 1,
        },
      },
    ],
  },
});
