/**
 * src/patches/wordWrapNearScreen against the installed Docusaurus: the pattern names exactly the installed hook, the
 * loader's edits apply to it once each and change only the check made on mount, a source without those lines is
 * refused (the build then fails); and onceNearScreen acts only once its element nears the screen.
 */
import {readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {WORD_WRAP_HOOK} from '../../src/patches/wordWrapNearScreen';
import {NEAR_SCREEN_MARGIN, onceNearScreen} from '../../src/patches/wordWrapNearScreen/nearScreen';
import {stockFile, stockSource} from './stockSource';

const require = createRequire(import.meta.url);
const {EDITS, rewrite} = require('../../src/patches/wordWrapNearScreen/loader.cjs') as {
  EDITS: [string, string][];
  rewrite: (source: string) => string | null;
};
const HOOK = 'lib/hooks/useCodeWordWrap.js';

describe('wordWrapNearScreen patch', () => {
  it('its pattern names the installed useCodeWordWrap and nothing else of theme-common', () => {
    const lib = stockFile('@docusaurus/theme-common', 'lib');
    const files = readdirSync(lib, {recursive: true, encoding: 'utf8'}).map((f) => path.join(lib, f));
    expect(files.filter((f) => WORD_WRAP_HOOK.test(f))).toEqual([stockFile('@docusaurus/theme-common', HOOK)]);
  });

  it('the check on mount waits for the screen; the toggle, resize and hidden-tab checks stay stock', () => {
    const stock = stockSource('@docusaurus/theme-common', HOOK);
    // the stock hook reads the block's width in an effect of its first render
    expect(stock).toContain('const { scrollWidth, clientWidth } = codeBlockRef.current;');
    const out = rewrite(stock);
    expect(out).not.toBeNull();
    expect(out).toContain('useEffect(() => onceNearScreen(codeBlockRef.current, updateCodeIsScrollable), [isEnabled, updateCodeIsScrollable]);');
    expect(out).toContain("window.addEventListener('resize', updateCodeIsScrollable");
    expect(out).toContain('useTabBecameVisibleCallback(codeBlockRef, updateCodeIsScrollable);');
    let back = out!;
    for (const [was, by] of EDITS) back = back.replace(by, was);
    expect(back).toBe(stock);
  });

  it('refuses a source without the edited lines, so a changed Docusaurus fails the build', () => {
    const stock = stockSource('@docusaurus/theme-common', HOOK);
    expect(rewrite(stock.replace(EDITS[1][0], ''))).toBeNull();
    expect(rewrite(stock + EDITS[1][0])).toBeNull(); // twice: which one to edit is unclear
    expect(rewrite('')).toBeNull();
  });
});

/** A stand-in IntersectionObserver: the test says when the observed element crosses the margin. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: (entries: {isIntersecting: boolean}[]) => void,
    readonly options: {rootMargin?: string},
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(isIntersecting: boolean) {
    this.callback([{isIntersecting}]);
  }
}

describe('onceNearScreen', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeObserver.last = null;
  });

  it('acts at once where there is no IntersectionObserver or no element, as the stock hook does', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const act = vi.fn();
    onceNearScreen({} as Element, act);
    expect(act).toHaveBeenCalledTimes(1);
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    onceNearScreen(null, act);
    expect(act).toHaveBeenCalledTimes(2);
  });

  it('acts once, when the element comes within a screen, and stops watching', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const el = {} as Element;
    const act = vi.fn();
    onceNearScreen(el, act);
    const io = FakeObserver.last!;
    expect(io.observed).toEqual([el]);
    expect(io.options.rootMargin).toBe(NEAR_SCREEN_MARGIN);
    io.report(false); // the first report: far below
    expect(act).not.toHaveBeenCalled();
    io.report(true);
    expect(act).toHaveBeenCalledTimes(1);
    expect(io.disconnected).toBe(true);
  });

  it('its cleanup stops the watch before anything happened (the block unmounted, or re-checked after a toggle)', () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const act = vi.fn();
    const cleanup = onceNearScreen({} as Element, act);
    cleanup();
    expect(FakeObserver.last!.disconnected).toBe(true);
    expect(act).not.toHaveBeenCalled();
  });
});
