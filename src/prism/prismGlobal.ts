/**
 * Prism's language files (prismjs/components/*) extend `globalThis.Prism`; prism-react-renderer keeps its own
 * instance. Imported first by ./highlight so its language imports find that instance (ES modules run in import
 * order), the way Docusaurus's prism-include-languages does it.
 */
import {Prism} from 'prism-react-renderer';

(globalThis as {Prism?: unknown}).Prism = Prism;

export {Prism};
