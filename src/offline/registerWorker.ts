/**
 * Registers the site's service worker (src/offline/sw.js, written by src/plugins/offline); loaded by register.ts
 * once the page has hydrated and settled (an idle period a few seconds later), as a chunk of its own, so neither this code nor the worker's
 * precaching competes with the page the reader opened. A new deployment's worker waits until the reader agrees: a quiet notice "새 버전이 있어요 · 새로고침" /
 * "A new version is available · Reload" at the bottom of the screen; pressing it switches to the new version and
 * reloads once. Production builds only (the development server has no sw.js).
 */
import {translate} from '@docusaurus/Translate';

const NOTICE_ID = 'sl-update-notice';

function showUpdateNotice(worker: ServiceWorker): void {
  if (document.getElementById(NOTICE_ID)) return;
  const notice = document.createElement('div');
  notice.id = NOTICE_ID;
  notice.className = 'sl-update-notice';
  notice.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = translate({id: 'offline.update', message: '새 버전이 있어요', description: 'A new deployment of the site is ready'});
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--sm button--primary';
  button.textContent = translate({id: 'offline.reload', message: '새로고침', description: 'Button: switch to the new version of the site'});
  button.addEventListener('click', () => {
    button.disabled = true;
    reloadWhenSwitched = true;
    worker.postMessage({type: 'skip-waiting'});
  });
  notice.append(text, ' · ', button);
  document.body.append(notice);
}

let reloadWhenSwitched = false;

export async function register(): Promise<void> {
  const sw = navigator.serviceWorker;
  const reg = await sw.register('/sw.js', {scope: '/'});
  sw.addEventListener('controllerchange', () => {
    if (reloadWhenSwitched) window.location.reload();
  });
  // a worker already waiting from an earlier visit, while an older one controls this page
  if (reg.waiting && sw.controller) showUpdateNotice(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const next = reg.installing;
    next?.addEventListener('statechange', () => {
      // installed while another controls the page: a new deployment (the first install takes over by itself)
      if (next.state === 'installed' && sw.controller) showUpdateNotice(next);
    });
  });
  // a reader who keeps the tab open for days still hears of a new deployment when coming back to it
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') reg.update().catch(() => {});
  });
}
