/**
 * Issue 17: the cheat sheet is printable on one page. Printed (A4 and US Letter, both locales), it is a single page
 * that still holds every section, and the site's navigation is left out of the print.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {baseUrl, openBrowser, type Session} from './browser';

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

/** Page count of a PDF Chromium wrote: the /Count of its page tree. */
function pdfPages(pdf: Buffer): number {
  const m = /\/Type\s*\/Pages\b[^>]*?\/Count (\d+)|\/Count (\d+)[^>]*?\/Type\s*\/Pages\b/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no page tree in the PDF');
  return Number(m[1] ?? m[2]);
}

describe.each(['/docs/cheatsheet', '/en/docs/cheatsheet'])('%s printed', (path) => {
  it.each(['A4', 'Letter'] as const)('fits one %s page with every section and no site navigation', async (format) => {
    const page = await session.context.newPage();
    await page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.emulateMedia({media: 'print'});

    const sections = await page.locator('article h2').count();
    const tables = await page.locator('article table').count();
    const navbarShown = await page.locator('.navbar').isVisible();
    const pdf = await page.pdf({format});

    expect(sections).toBe(5);
    expect(tables).toBe(4);
    expect(navbarShown).toBe(false);
    expect(pdfPages(pdf)).toBe(1);
    await page.close();
  });
});
