/**
 * The server build gets the highlighter directly (src/prism/now.server.ts), so the HTML of runnable blocks, quiz
 * programs and (with the codeBlockLines patch) every code block carries highlighted code, while the browser's `now`
 * is empty and loads the highlighter as a chunk when a block needs it (src/prism/index.ts). A product part, not a
 * start-up patch: on in the stock build too (SOCKETLAB_STOCK=1), or runnable blocks would arrive unhighlighted.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export default function serverHighlight(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-server-highlight',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (!isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {plugins: [new NormalModuleReplacementPlugin(/^@site\/src\/prism\/now$/, path.join(__dirname, '..', 'prism', 'now.server.ts'))]};
    },
  };
}
