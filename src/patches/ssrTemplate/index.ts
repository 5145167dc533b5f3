/**
 * The page template (Docusaurus's `ssrTemplate`): the stock one, read from the installed @docusaurus/core, with one
 * change — the app's scripts run after the first paint instead of before it.
 *
 * With the stock `<script defer>` tags a fast connection delivers main.js while the HTML is still parsing, and the
 * browser evaluates it (hundreds of milliseconds on a slow phone) before it draws anything: the reader stares at a
 * blank page that is already there. Here the scripts are fetched just as early (`preload`, at the low priority
 * deferred scripts get) but started once the first paint is on screen, so the server's HTML shows first;
 * hydration follows a frame or so later. Without JavaScript nothing changes: the HTML is the page.
 *
 * Two exact edits of the stock text; if either line is not there (once), building the config throws (guard:
 * test/patches/ssrTemplate.test.ts).
 */
import {createRequire} from 'node:module';

const startAfterPaint = `(function (srcs) {
  var started = false;
  function start() {
    if (started) return;
    started = true;
    srcs.forEach(function (src) {
      var s = document.createElement('script');
      s.src = src;
      s.async = false; // in order, as deferred scripts run
      document.head.appendChild(s);
    });
  }
  // once the first paint is on screen (the browser reports it as a paint entry), in a task of its own
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        setTimeout(start, 0);
      }
    }).observe({type: 'paint', buffered: true});
  } catch (e) {
    requestAnimationFrame(function () { setTimeout(start, 0); });
  }
  // a browser without paint entries, or a tab opened in the background (which gets no frames)
  setTimeout(start, 1000);
})`;

/** the stock template's script tags, and what each becomes */
export const STOCK_SCRIPT_TAG = '<script src="<%= it.baseUrl %><%= script %>" defer></script>';
export const PRELOAD_TAG = '<link rel="preload" as="script" fetchpriority="low" href="<%= it.baseUrl %><%= script %>" />';
/** the stock template's last body line: the start-after-paint script goes right before it */
export const STOCK_BODY_END = '<%~ it.postBodyTags %>';
export const START_SCRIPT = `<script>${startAfterPaint}(<%~ JSON.stringify(it.scripts.map((script) => it.baseUrl + script)) %>);</script>\n    `;

function replaceOnce(text: string, line: string, by: string): string {
  const at = text.indexOf(line);
  if (at < 0 || text.indexOf(line, at + 1) >= 0) {
    throw new Error(
      `ssrTemplate patch: \`${line}\` is not in @docusaurus/core's ssgTemplate.html.js (once). Docusaurus changed its ` +
        'page template: check how it starts the app now, then update or remove src/patches/ssrTemplate.',
    );
  }
  return text.slice(0, at) + by + text.slice(at + line.length);
}

/** The stock template with the two edits (exported for the guard test). */
export function patchTemplate(stock: string): string {
  return replaceOnce(replaceOnce(stock, STOCK_SCRIPT_TAG, PRELOAD_TAG), STOCK_BODY_END, START_SCRIPT + STOCK_BODY_END);
}

const require = createRequire(__filename);
export const STOCK_TEMPLATE_FILE = require.resolve('@docusaurus/core/lib/ssg/ssgTemplate.html.js');

export const ssrTemplate: string = patchTemplate((require(STOCK_TEMPLATE_FILE) as {default: string}).default);
