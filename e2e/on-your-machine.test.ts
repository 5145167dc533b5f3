/**
 * Issue 17: every chapter ends with "내 컴퓨터에서 해 보기" / "Try it on your machine", showing the very files
 * examples/<chapter>/main.py and main.c (src/remark/exampleFiles.ts) with comments in the page's language.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {baseUrl, openBrowser, sidewaysOverflow, watchedPage, type Session} from './browser';
import {localizeComments} from '../src/remark/exampleFiles';

const CHAPTERS: [string, string][] = [
  ['overview', '01-overview'],
  ['socket', '02-socket'],
  ['connect', '03-connect'],
  ['server', 'server'],
  ['read-write', '04-read-write'],
  ['close', '05-close'],
  ['http', '06-http'],
];
const LOCALES = [
  {locale: 'ko' as const, prefix: '', heading: '내 컴퓨터에서 해 보기', summary: 'C로 쓴 같은 프로그램 (main.c)'},
  {locale: 'en' as const, prefix: '/en', heading: 'Try it on your machine', summary: 'The same program in C (main.c)'},
];

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

/** The text a code block shows, line by line, as the reader sees it. */
const shownLines = (text: string) => text.replace(/\u200b/g, '').split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');

describe.each(LOCALES)('$locale: the section and its programs', ({locale, prefix, heading, summary}) => {
  it.each(CHAPTERS)('%s', async (doc, folder) => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}${prefix}/docs/${doc}#on-your-machine`, {waitUntil: 'networkidle'});
    const h2 = page.getByRole('heading', {level: 2, name: heading});
    await h2.waitFor();
    expect(await h2.getAttribute('id')).toBe('on-your-machine');
    // the section comes last before the quiz
    const ids = await page.locator('article h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.indexOf('on-your-machine')).toBe(ids.includes('quiz') ? ids.indexOf('quiz') - 1 : ids.length - 1);

    for (const file of ['main.py', 'main.c']) {
      if (file === 'main.c') await page.getByText(summary, {exact: true}).click();
      const block = page.locator('.theme-code-block').filter({has: page.getByText(file, {exact: true})}).first();
      await block.waitFor();
      const shown = shownLines(await block.locator('pre').innerText());
      const expected = shownLines(localizeComments(readFileSync(path.join('examples', folder, file), 'utf8'), locale));
      expect(shown).toEqual(expected);
    }
    expect(errors).toEqual([]);
  });
});

describe('on a phone', () => {
  it('the section fits 360 px without sideways page scroll (code scrolls inside its block)', async () => {
    const phone = await openBrowser({width: 360, height: 740, isMobile: true});
    try {
      const {page} = await watchedPage(phone);
      await page.goto(`${baseUrl()}/docs/http#on-your-machine`, {waitUntil: 'networkidle'});
      await page.getByText('C로 쓴 같은 프로그램 (main.c)', {exact: true}).click();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});
