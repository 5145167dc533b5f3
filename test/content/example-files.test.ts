/** src/remark/exampleFiles: a ```lang file=examples/… block shows that file, with the comments of the page's locale. */
import path from 'node:path';
import {readFileSync} from 'node:fs';
import type {Code, Root} from 'mdast';
import {describe, expect, it} from 'vitest';
import exampleFiles, {localeOfPage, localizeComments} from '../../src/remark/exampleFiles';

const ROOT = path.resolve(__dirname, '../..');

function tree(meta: string, value = ''): {root: Root; code: Code} {
  const code: Code = {type: 'code', lang: 'python', meta, value};
  return {root: {type: 'root', children: [{type: 'blockquote', children: [code]}]}, code};
}

describe('localizeComments', () => {
  it('keeps the lines of the locale without their marker and drops the others; trailing pairs pick one side', () => {
    const source = ['# ko: 소켓 만들기', '# en: create a socket', 's = socket()', '    // ko: 안쪽', '    // en: inside', 'x();  # ko: 잠깐 / en: a moment', '# a plain comment'].join('\n');
    expect(localizeComments(source, 'ko')).toBe(['# 소켓 만들기', 's = socket()', '    // 안쪽', 'x();  # 잠깐', '# a plain comment'].join('\n'));
    expect(localizeComments(source, 'en')).toBe(['# create a socket', 's = socket()', '    // inside', 'x();  # a moment', '# a plain comment'].join('\n'));
  });
});

describe('the remark plugin', () => {
  it('tells the English pages by their place under i18n/en/', () => {
    expect(localeOfPage(path.join(ROOT, 'i18n/en/docusaurus-plugin-content-docs/current/01-overview.mdx'))).toBe('en');
    expect(localeOfPage(path.join(ROOT, 'docs/01-overview.mdx'))).toBe('ko');
  });

  it('fills an empty block (also nested) with the file for the page\'s locale and keeps the rest of the meta', () => {
    const file = 'examples/02-socket/main.py';
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const {root, code} = tree(`file=${file} title="main.py"`);
    exampleFiles()(root, {path: path.join(ROOT, 'i18n/en/docusaurus-plugin-content-docs/current/02-socket.mdx')});
    expect(code.value).toBe(localizeComments(source, 'en').replace(/\n+$/, ''));
    expect(code.meta).toBe('title="main.py"');
  });

  it('stops the build for a block with text of its own or a file outside examples/', () => {
    expect(() => exampleFiles()(tree('file=examples/02-socket/main.py', 'print(1)').root, {path: 'docs/x.mdx'})).toThrow(/must be empty/);
    expect(() => exampleFiles()(tree('file=examples/02-socket/none.py').root, {path: 'docs/x.mdx'})).toThrow(/no such file/);
    expect(() => exampleFiles()(tree('file=package.json').root, {path: 'docs/x.mdx'})).toThrow(/no such file/);
  });
});
