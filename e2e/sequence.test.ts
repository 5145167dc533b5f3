/**
 * Issue #15 (diagram and phone half), in Chromium on the built site: on the chapters' examples the
 * sequence diagram's labels touch no other label and no arrow (bounding boxes, both locales); selecting an
 * arrow opens its details naming the source line that sent it; at 360 px nothing scrolls sideways except
 * inside a focusable, labelled box, and the descriptor table's first columns are on screen; at desktop
 * width no inspector is wider than its column; axe finds nothing with a segment's details open.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {lineHitsBox} from '../src/components/SequenceDiagram/layout';
import {axeViolations} from './axe';
import {baseUrl, openBrowser, wakeBlock, watchedPage, withEverythingDrawn, type Session} from './browser';

const LOCALES = {
  ko: {prefix: '', editor: '코드 편집기', run: '실행', diagram: '시퀀스 다이어그램', detail: '세그먼트 자세히', tables: '디스크립터와 소켓',
    tabs: ['디스크립터와 소켓', '버퍼', '시퀀스 다이어그램', '호출 기록'], onLine: (n: number) => `${n}번 줄의 connect(`},
  en: {prefix: '/en', editor: 'Code editor', run: 'Run', diagram: 'Sequence diagram', detail: 'Segment details', tables: 'Descriptors & sockets',
    tabs: ['Descriptors & sockets', 'Buffers', 'Sequence diagram', 'Call log'], onLine: (n: number) => `connect(3, 93.184.216.34, 80) on line ${n}`},
} as const;
type Locale = (typeof LOCALES)[keyof typeof LOCALES];

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function open(path: string, s: Session = session): Promise<Page> {
  const {page} = await watchedPage(s);
  const response = await page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  expect(response?.status()).toBe(200);
  return page;
}

async function run(block: Locator, l: Locale) {
  await block.getByRole('button', {name: l.run, exact: true}).click();
  await block.locator('[data-status]:not([data-status="running"]):not([data-status="idle"])').waitFor({timeout: 15_000});
}

/**
 * Every label-like box and every arrow's end points drawn now, in page coordinates. Arrows are read from
 * their path (straight "M x y L x y", or a loop's curve, taken as its control hull).
 */
function drawnGeometry(block: Locator) {
  return block.evaluate((root) => {
    const boxes: {what: string; x: number; y: number; w: number; h: number}[] = [];
    const lines: {what: string; pts: [number, number][]}[] = [];
    const svg = root.querySelector('svg[role="group"]') as SVGSVGElement | null;
    if (!svg) return {boxes, lines};
    const rect = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      if (r.width > 0) boxes.push({what, x: r.x, y: r.y, w: r.width, h: r.height});
    };
    svg.querySelectorAll('[data-label]').forEach((el) => rect(el, `label ${el.textContent}`));
    svg.querySelectorAll('[data-state] rect').forEach((el) => rect(el, `state ${el.parentElement?.getAttribute('data-state')}`));
    svg.querySelectorAll('[data-conn-title]').forEach((el) => rect(el, `title ${el.textContent}`));
    const m = svg.getScreenCTM()!;
    svg.querySelectorAll('[data-segment]').forEach((g) => {
      const d = g.querySelector('path')!.getAttribute('d')!;
      const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      const pts: [number, number][] = [];
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const p = new DOMPoint(nums[i], nums[i + 1]).matrixTransform(m);
        pts.push([p.x, p.y]);
      }
      lines.push({what: `arrow ${g.getAttribute('aria-label')}`, pts});
    });
    return {boxes, lines};
  });
}

type Box = {what: string; x: number; y: number; w: number; h: number};
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

/** does the segment p–q pass through the box, shrunk by half a pixel (touching is not crossing)? */
function hits([x1, y1]: [number, number], [x2, y2]: [number, number], b: Box): boolean {
  return lineHitsBox(x1, y1, x2, y2, {x: b.x + 0.5, y: b.y + 0.5, w: b.w - 1, h: b.h - 1});
}

async function expectNoCrossing(block: Locator, where: string) {
  const scroll = block.getByRole('region', {name: /시퀀스 다이어그램|Sequence diagram/});
  const {scrollHeight, clientHeight} = await scroll.evaluate((el) => ({scrollHeight: el.scrollHeight, clientHeight: el.clientHeight}));
  let checked = 0;
  // the diagram draws only the rows near the screen: look at every part of it
  for (let top = 0; top < Math.max(1, scrollHeight - clientHeight + 1); top += Math.max(200, clientHeight - 100)) {
    await scroll.evaluate((el, y) => {
      el.scrollTop = y;
      el.dispatchEvent(new Event('scroll'));
    }, top);
    await block.page().waitForTimeout(50);
    const {boxes, lines} = await drawnGeometry(block);
    checked += lines.length;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(overlap(boxes[i], boxes[j]), `${where}: ${boxes[i].what} / ${boxes[j].what}`).toBe(false);
      }
    }
    for (const l of lines) {
      const segs = l.pts.length === 2 ? [[l.pts[0], l.pts[1]]] : l.pts.slice(1).map((p, i) => [l.pts[i], p]);
      for (const b of boxes) {
        for (const [p, q] of segs) expect(hits(p, q, b), `${where}: ${l.what} crosses ${b.what}`).toBe(false);
      }
    }
  }
  expect(checked, `${where}: arrows drawn`).toBeGreaterThan(0);
}

/** Run each runnable block of a chapter that sends segments and check its diagram. */
async function checkChapter(path: string, l: Locale) {
  const page = await open(l.prefix + path);
  const blocks = page.locator('[data-live-code]');
  const n = await blocks.count();
  let withDiagram = 0;
  for (let i = 0; i < n; i++) {
    const block = await wakeBlock(blocks.nth(i), l.editor);
    await run(block, l);
    const tab = block.getByRole('tab', {name: l.diagram});
    if ((await tab.count()) === 0) continue;
    await tab.click();
    if ((await block.locator('[data-segment]').count()) === 0) continue;
    withDiagram++;
    await expectNoCrossing(block, `${l.prefix}${path} block ${i + 1}`);
    // and in tcpdump notation
    await block.getByRole('button', {name: /tcpdump/}).click();
    await expectNoCrossing(block, `${l.prefix}${path} block ${i + 1} (tcpdump)`);
  }
  expect(withDiagram, path).toBeGreaterThan(0);
  await page.close();
}

describe('labels never cross another label or an arrow', () => {
  for (const path of ['/docs/connect', '/docs/close', '/docs/http']) {
    for (const [name, l] of Object.entries(LOCALES)) {
      it(`${name} ${path}`, async () => {
        await checkChapter(path, l);
      });
    }
  }
});

describe('a selected arrow opens its details', () => {
  for (const [name, l] of Object.entries(LOCALES)) {
    it(`${name}: the SYN names connect() and the source line that sent it`, async () => {
      const page = await open(l.prefix + '/docs/connect');
      const block = await wakeBlock(page.locator('[data-live-code]').first(), l.editor);
      const source = await block.getByRole('textbox', {name: l.editor}).inputValue();
      const line = source.split('\n').findIndex((s) => /\bconnect\(/.test(s)) + 1;
      expect(line).toBeGreaterThan(0);
      await run(block, l);
      await block.getByRole('tab', {name: l.diagram}).click();
      const syn = block.getByRole('button', {name: /^client:\d+ → www\.example\.com:80, SYN seq=0/});
      await syn.click();
      const detail = block.getByRole('region', {name: l.detail});
      expect(await detail.textContent()).toContain(l.onLine(line));
      expect(await block.locator(`[data-line="${line}"]`).getAttribute('data-marks')).toContain('selected');
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }

  it('a connect to a closed port: the RST+ACK says nothing listens there (RFC 9293 §3.10.7.1)', async () => {
    const page = await open('/en/docs/connect');
    const block = await wakeBlock(page.locator('[data-live-code]').first(), 'Code editor');
    await block.getByRole('textbox', {name: 'Code editor'}).fill("const fd = socket();\nconnect(fd, resolve('www.example.com'), 81);");
    await run(block, LOCALES.en);
    await block.getByRole('tab', {name: 'Sequence diagram'}).click();
    await block.getByRole('button', {name: /, RST\+ACK /}).click();
    const text = await block.getByRole('region', {name: 'Segment details'}).textContent();
    expect(text).toContain('Nothing listens on that port');
    expect(text).toContain('RFC 9293 §3.10.7.1');
    await page.close();
  });
});

/** Elements of a runnable block that scroll sideways now, and whether each is a focusable, labelled box. */
function sidewaysScrollers(page: Page, block: Locator) {
  return withEverythingDrawn(page, () =>
    block.evaluate((root) =>
      Array.from(root.querySelectorAll<HTMLElement>('*'))
        .filter((el) => {
          const o = getComputedStyle(el).overflowX;
          return (o === 'auto' || o === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.getClientRects().length > 0;
        })
        .map((el) => ({
          what: `${el.tagName.toLowerCase()}.${el.className}`,
          ok:
            (el.tabIndex >= 0 && !!(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) && !!el.getAttribute('role')) ||
            // the code editor: its labelled textarea scrolls the box as the caret moves
            !!el.querySelector('textarea[aria-label]'),
        })),
    ),
  );
}

describe('phones and desktop columns', () => {
  it('at 360 px the page never scrolls sideways, and in a block only a focusable, labelled box does; the descriptor table\'s columns are on screen', async () => {
    const phone = await openBrowser({width: 360, height: 740, isMobile: true});
    try {
      for (const path of ['/docs/connect', '/docs/close', '/docs/http', '/docs/socket', '/en/docs/close']) {
        const l = path.startsWith('/en') ? LOCALES.en : LOCALES.ko;
        const page = await open(path, phone);
        const block = await wakeBlock(page.locator('[data-live-code]').first(), l.editor);
        await run(block, l);
        for (const tab of l.tabs) {
          await block.getByRole('tab', {name: tab}).click();
          expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${path} ${tab}`).toBeLessThanOrEqual(0);
          for (const s of await sidewaysScrollers(page, block)) expect(s.ok, `${path} ${tab}: ${s.what}`).toBe(true);
        }
        await block.getByRole('tab', {name: l.tables}).click();
        const cells = await block
          .getByRole('table', {name: /디스크립터|Descriptor/})
          .first()
          .locator('th, td')
          .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect().right));
        for (const right of cells) expect(right, path).toBeLessThanOrEqual(360);
        await page.close();
      }
    } finally {
      await phone.close();
    }
  });

  it('at 1280 px no inspector table is wider than its panel', async () => {
    const desk = await openBrowser({width: 1280, height: 900});
    try {
      for (const path of ['/docs/http', '/docs/close', '/en/docs/connect']) {
        const l = path.startsWith('/en') ? LOCALES.en : LOCALES.ko;
        const page = await open(path, desk);
        const block = await wakeBlock(page.locator('[data-live-code]').first(), l.editor);
        await run(block, l);
        for (const tab of l.tabs) {
          await block.getByRole('tab', {name: tab}).click();
          const widths = await block.getByRole('tabpanel').evaluate((panel) => ({
            panel: panel.clientWidth,
            widest: Math.max(0, ...Array.from(panel.querySelectorAll('table')).map((t) => t.getBoundingClientRect().width)),
          }));
          expect(widths.widest, `${path} ${tab}`).toBeLessThanOrEqual(widths.panel);
        }
        await page.close();
      }
    } finally {
      await desk.close();
    }
  });

  it('the static diagrams of /docs/socket are not clipped at 360 px', async () => {
    const phone = await openBrowser({width: 360, height: 740, isMobile: true});
    try {
      const page = await open('/docs/socket', phone);
      const clipped = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLImageElement>('.diagram img'))
          .filter((img) => img.getClientRects().length > 0)
          .map((img) => {
            const r = img.getBoundingClientRect();
            const box = (img.closest('.diagram__scroll') ?? img.closest('.diagram'))!;
            const scrolls = box.scrollWidth > box.clientWidth;
            // wider than the column is fine only inside a box that scrolls to it
            return {src: img.src, out: (r.right > window.innerWidth || r.left < 0) && !scrolls};
          })
          .filter((x) => x.out),
      );
      expect(clipped).toEqual([]);
      await page.close();
    } finally {
      await phone.close();
    }
  });
});
