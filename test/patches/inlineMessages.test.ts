/**
 * src/patches/inlineMessages against the installed Docusaurus and our own sources:
 * - core's translate() still imports `@generated/codeTranslations` and falls back to the call's own message when an
 *   id is missing from it (what makes an id taken out of that module show the message written into the call);
 * - every id src/ passes to translate() literally, with an English message, is written into its call (so none is
 *   left to the Korean default on an English page once the module no longer has it), and each rewritten file parses;
 * - the rewrite touches the message literal only, and writes any message as a valid string.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {Parser} from 'acorn';
import {transform} from 'sucrase';
import {describe, expect, it} from 'vitest';
import {CODE_TRANSLATIONS_REQUEST, inlinedIds, type InlineMessages, type Messages} from '../../src/patches/inlineMessages';
import {filesBelow} from '../files';
import {stockSource} from './stockSource';

const require = createRequire(import.meta.url);
const {inlineMessages} = require('../../src/patches/inlineMessages/inline.cjs') as {inlineMessages: InlineMessages};
const english = JSON.parse(readFileSync('i18n/en/code.json', 'utf8')) as Messages;

describe('core translate() (the lookup the patch relies on)', () => {
  const translate = stockSource('@docusaurus/core', 'lib/client/exports/Translate.js');

  it('imports the generated code translations by the request the patch swaps', () => {
    const request = /from '([^']+)'/g;
    const imports = [...translate.matchAll(request)].map((m) => m[1]);
    expect(imports.filter((r) => CODE_TRANSLATIONS_REQUEST.test(r))).toEqual(['@generated/codeTranslations']);
  });

  it("falls back to the call's message when the id is not in them", () => {
    expect(translate).toContain('return codeTranslations[(id ?? message)] ?? message ?? id;');
  });
});

describe('our sources', () => {
  const files = filesBelow('src', /\.tsx?$/);
  const literalIds = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/translate\(\s*\{\s*id:\s*'([^']+)'/g)].map((m) => m[1])));

  it('every id passed to translate() literally is written into its call for English', () => {
    const inlined = inlinedIds('src', english);
    expect(literalIds.size).toBeGreaterThan(300);
    expect([...literalIds].filter((id) => !inlined.has(id))).toEqual([]);
  });

  it('every rewritten file still parses', () => {
    for (const file of files) {
      const {code, ids} = inlineMessages(readFileSync(file, 'utf8'), english);
      if (ids.length === 0) continue;
      const js = transform(code, {transforms: ['typescript', 'jsx'], jsxRuntime: 'automatic', filePath: path.basename(file)}).code;
      expect(() => Parser.parse(js, {ecmaVersion: 'latest', sourceType: 'module'}), file).not.toThrow();
    }
  });
});

describe('the rewrite', () => {
  const messages: Messages = {
    a: {message: 'Plain'},
    b: {message: 'It\'s "quoted", a back\\slash and a\nnew line'},
    c: {message: 'Next line'},
    d: {message: 'From a template'},
    e: {message: 'never used: a template with holes stays'},
  };

  it('replaces only the message literal of each call whose id has a message', () => {
    const source = [
      "const x = translate({id: 'a', message: '보통'});",
      "const y = translate({id: 'b', message: '따옴표 \\'있음\\''}, {n: 1});",
      "const z = translate({\n  id: 'c',\n  message:\n    '다음 줄',\n  description: 'kept',\n});",
      'const t = translate({id: \'d\', message: `템플릿`});',
      "const h = translate({id: 'e', message: `구멍 ${n}`});",
      "const u = translate({id: 'unknown', message: '모름'});",
    ].join('\n');

    const {code, ids} = inlineMessages(source, messages);

    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(code).toBe(
      [
        'const x = translate({id: \'a\', message: "Plain"});',
        `const y = translate({id: 'b', message: ${JSON.stringify(messages.b.message)}}, {n: 1});`,
        "const z = translate({\n  id: 'c',\n  message:\n    \"Next line\",\n  description: 'kept',\n});",
        'const t = translate({id: \'d\', message: "From a template"});',
        "const h = translate({id: 'e', message: `구멍 ${n}`});",
        "const u = translate({id: 'unknown', message: '모름'});",
      ].join('\n'),
    );
  });

  it('writes a message with quotes, backslashes and line breaks as the same string', () => {
    const {code} = inlineMessages("translate({id: 'b', message: 'x'})", messages);
    const literal = code.slice(code.indexOf('message: ') + 'message: '.length, -2);
    expect(JSON.parse(literal)).toBe(messages.b.message);
  });
});
