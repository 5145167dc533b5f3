/**
 * Shared browser harness: Debian's Chromium through playwright-core (never a downloaded browser),
 * with every request leaving 127.0.0.1 and every console error recorded so tests can assert on them.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium, type BrowserContext, type Locator, type Page} from 'playwright-core';
import {inject} from 'vitest';
import {CHROMIUM_ARGS} from './chromium';

export {CHROMIUM_ARGS};

/** Every page of the book under /docs/ (and /en/docs/), by id: the sidebar's pages. */
export const BOOK = ['intro', 'overview', 'socket', 'connect', 'server', 'read-write', 'close', 'http', 'glossary', 'review', 'cheatsheet'];

export function baseUrl(): string {
  return inject('baseUrl');
}

export interface Session {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * A fresh Chromium with a fresh profile. Options: viewport, colour scheme, reduced motion, service workers.
 * The site's service worker (src/offline) is blocked unless a test asks for it: once it controls a page it answers
 * that page's requests itself, and Playwright's request routing (delays, failures) no longer sees them.
 */
export async function openBrowser(
  opts: {width?: number; height?: number; colorScheme?: 'light' | 'dark'; isMobile?: boolean; serviceWorkers?: 'allow' | 'block'} = {},
): Promise<Session> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'sl-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: {width: opts.width ?? 1280, height: opts.height ?? 900},
    colorScheme: opts.colorScheme ?? 'light',
    isMobile: opts.isMobile,
    hasTouch: opts.isMobile,
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, {recursive: true, force: true});
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** console errors and uncaught page errors */
  errors: string[];
  /** requests to anything other than 127.0.0.1 (or data:/blob: URLs) */
  externalRequests: string[];
}

/**
 * `work`, or an error naming `what` once `ms` have passed. Playwright bounds its actions and waits (30 s), but not
 * `evaluate`, `newPage` or axe's analysis: a hang there surfaced only as the test's own 120 s timeout, naming no
 * step (CI at stop 27, /docs/close, not reproduced in 15 local loads). Bounded, the failure says where it stuck.
 */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not finished after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A new page that records console errors, page errors and requests leaving 127.0.0.1. */
export async function watchedPage(session: Session): Promise<WatchedPage> {
  const page = await within(30_000, 'opening a new tab', session.context.newPage());
  const errors: string[] = [];
  const externalRequests: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).hostname !== '127.0.0.1') externalRequests.push(url);
  });
  return {page, errors, externalRequests};
}

/** A watched page at `path` of the built site, loaded (status 200 checked by the caller's expect). */
export async function openPage(session: Session, path: string): Promise<WatchedPage & {status: number | undefined}> {
  const watched = await watchedPage(session);
  const response = await watched.page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  return {...watched, status: response?.status()};
}

/**
 * Scrolls a runnable block into view and waits for its live part (the editor named `editorName`): a block wakes
 * only near the screen, in idle time, so the wait is generous.
 */
export async function wakeBlock(block: Locator, editorName: string): Promise<Locator> {
  await block.scrollIntoViewIfNeeded();
  await block.getByRole('textbox', {name: editorName}).waitFor({timeout: 30_000});
  return block;
}

/**
 * Runs `check` with every element drawn, as if no `content-visibility: auto` were set (the quiz's cards use it).
 * Skipped content has no boxes, and the paint containment that comes with it clips what overflows a card, so checks
 * that need every box (axe's colour contrast, axe-core #2768) or every overflow (sideways scrolling) would
 * otherwise pass for the wrong reason.
 */
export async function withEverythingDrawn<T>(page: Page, check: () => Promise<T>): Promise<T> {
  const style = await page.addStyleTag({content: '* { content-visibility: visible !important; }'});
  try {
    return await check();
  } finally {
    await style.evaluate((el) => (el as Element).remove());
  }
}

/** How far the page scrolls sideways (> 0: it does), measured with everything drawn. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return withEverythingDrawn(page, () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
}
