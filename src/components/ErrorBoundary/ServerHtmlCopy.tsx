/**
 * A fallback that keeps what the page shows: the current HTML inside the element matching `selector` (the server's,
 * when a part fails while hydrating), copied once when the fallback first renders. Readable, not interactive — as the
 * page is without JavaScript. Nothing on the server or when there is nothing to copy.
 */
import {useState, type ReactNode} from 'react';

export default function ServerHtmlCopy({selector}: {selector: string}): ReactNode {
  const [html] = useState(() => (typeof document === 'undefined' ? '' : (document.querySelector(selector)?.innerHTML ?? '')));
  return html ? <div dangerouslySetInnerHTML={{__html: html}} /> : null;
}
