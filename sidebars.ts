import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// One book, read in order: the introduction, the six chapters of the note, then the review page and glossary.
const sidebars: SidebarsConfig = {
  book: [
    'intro',
    'overview',
    'socket',
    'connect',
    'read-write',
    'close',
    'http',
    'review',
    'glossary',
  ],
};

export default sidebars;
