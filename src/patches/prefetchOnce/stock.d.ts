// The stock helper, imported by its wrapper under a query the swap does not match (./index.ts).
declare module '@docusaurus/core/lib/client/prefetch.js?stock' {
  export {default} from '@docusaurus/core/lib/client/prefetch.js';
}
