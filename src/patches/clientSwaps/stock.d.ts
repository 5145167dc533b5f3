// The stock helpers, imported by their wrappers under a query the swap does not match (./index.ts).
declare module '@docusaurus/core/lib/client/prefetch.js?stock' {
  export {default} from '@docusaurus/core/lib/client/prefetch.js';
}
declare module '@docusaurus/core/lib/client/preload.js?stock' {
  export {default} from '@docusaurus/core/lib/client/preload.js';
}
