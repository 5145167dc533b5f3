// @vitest-environment jsdom
/**
 * While a page hydrates, a code block keeps the server's highlighted HTML as it is (no Prism needed in the
 * browser, src/prism/index.ts); drawn any other way, it draws its lines. Exercised on the runnable block's code
 * surface: the server HTML comes from rendering it on the "server" (renderToString), as Docusaurus does.
 */
import {act, createElement} from 'react';
import {renderToString} from 'react-dom/server';
import {createRoot, hydrateRoot} from 'react-dom/client';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';

const CODE = 'const fd = socket(AF_INET, SOCK_STREAM);\n\nconsole.log(fd);';

/** The server's HTML of the surface (the server build never keeps: it has no HTML to keep). */
async function serverHtml(props: {code: string; language: string}): Promise<string> {
  vi.resetModules();
  const Surface = (await import('../../src/components/LiveCode/CodeSurface')).default;
  return renderToString(createElement(Surface, props));
}

/**
 * The surface as the client build sees it: Docusaurus defines HYDRATE_CLIENT_ENTRY for production, and no
 * highlighter is at hand until its chunk is loaded.
 */
async function clientSurface() {
  vi.resetModules();
  vi.stubEnv('HYDRATE_CLIENT_ENTRY', 'true');
  vi.doMock('@site/src/prism/now', () => ({tokenizeNow: null}));
  return (await import('../../src/components/LiveCode/CodeSurface')).default;
}

/** The client surface rendered with createRoot (no server HTML), with <html data-has-hydrated> as given. */
async function renderAfresh({hasHydrated}: {hasHydrated: 'true' | 'false'}) {
  const Surface = await clientSurface();
  document.documentElement.dataset.hasHydrated = hasHydrated;
  await act(async () => {
    createRoot(container).render(createElement(Surface, {code: CODE, language: 'ts'}));
  });
}

let container: HTMLElement;
beforeEach(() => {
  (globalThis as {IS_REACT_ACT_ENVIRONMENT?: boolean}).IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  vi.unstubAllEnvs();
  vi.doUnmock('@site/src/prism/now');
  delete document.documentElement.dataset.hasHydrated;
});

describe('a code block in the browser', () => {
  it('hydrating: adopts the server HTML of its lines, element for element, without a mismatch', async () => {
    const props = {code: CODE, language: 'ts'};
    const html = await serverHtml(props);
    const Surface = await clientSurface();
    expect(html).toContain('token keyword'); // the server highlights
    container.innerHTML = html;
    document.documentElement.dataset.hasHydrated = 'false'; // as the server writes it
    const before = [...container.querySelectorAll('pre *')];
    const errors: unknown[] = [];

    await act(async () => {
      hydrateRoot(container, createElement(Surface, props), {onRecoverableError: (e) => errors.push(e)});
    });

    const after = [...container.querySelectorAll('pre *')];
    expect(errors).toEqual([]);
    expect(after.length).toBe(before.length);
    expect(after.every((el, i) => el === before[i])).toBe(true);
    expect(container.querySelectorAll('pre .token-line')).toHaveLength(3);
  });

  it('rendered afresh while the page hydrates (no server HTML after all): draws its lines', async () => {
    await renderAfresh({hasHydrated: 'false'});
    expect(container.querySelectorAll('pre .token-line')).toHaveLength(3);
    expect(container.querySelector('pre')!.textContent).toContain('console.log(fd);');
  });

  it('after hydration (a client-side navigation): draws its lines at once, highlighted once the highlighter loads', async () => {
    await renderAfresh({hasHydrated: 'true'});
    expect(container.querySelectorAll('pre .token-line')).toHaveLength(3);
    expect(container.querySelector('pre')!.textContent).toContain('console.log(fd);');
    await vi.waitFor(() => expect(container.querySelector('pre .token.keyword')?.textContent).toBe('const'), {timeout: 10_000});
  });
});
