/**
 * Browser tests run against the BUILT site (both locales), served by a tiny static server on 127.0.0.1.
 * The build is made by scripts/test-all.mjs before this project runs; set SL_SKIP_BUILD_CHECK=1 to
 * skip the "is there a build?" check, SL_BUILD_DIR to test another build folder.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import type {TestProject} from 'vitest/node';
import {startStaticServer} from './static-server';

export default async function setup(project: TestProject) {
  const dir = path.resolve(process.env.SL_BUILD_DIR ?? 'build');
  if (!existsSync(path.join(dir, 'index.html')) || !existsSync(path.join(dir, 'en', 'index.html'))) {
    throw new Error(`No built site in ${dir}: run \`npm run build\` first (npm test does it for you).`);
  }
  const server = await startStaticServer(dir);
  project.provide('baseUrl', server.url);
  return async () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
