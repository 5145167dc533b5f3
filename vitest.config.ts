import {defineConfig} from 'vitest/config';

// Two projects, one runner: `unit` (pure code and jsdom components) and `browser`
// (playwright-core driving Debian's Chromium against the built site; see e2e/setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          environment: 'node',
          testTimeout: 60_000,
        },
        esbuild: {jsx: 'automatic'},
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
        },
      },
    ],
  },
});
