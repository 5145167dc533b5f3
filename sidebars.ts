import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// One book, read in order: the introduction, the six chapters of the note with the server side between 3 and 4,
// then the review page, the glossary and the printable cheat sheet.
const sidebars: SidebarsConfig = {
  book: [
    'intro',
    'overview',
    'socket',
    'connect',
    'server',
    'read-write',
    'close',
    'http',
    'review',
    'glossary',
    'cheatsheet',
  ],
};

export default sidebars;
