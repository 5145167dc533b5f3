/** Stand-in for @docusaurus/useIsBrowser: jsdom tests run "in the browser". */
export default function useIsBrowser(): boolean {
  return true;
}
