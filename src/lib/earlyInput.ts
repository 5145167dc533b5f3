/**
 * What a reader does before the page's scripts have started must not be lost. On a slow phone the server's HTML is
 * readable seconds before React takes over, and until then a button has no handler. This tiny script, inlined in
 * each page's head (src/plugins/earlyInput.ts), listens at the document until the page has hydrated
 * (`<html data-has-hydrated="true">`, set by Docusaurus):
 * - Run in a runnable block: the block gets `data-early-run`; the block runs once its live part is there
 *   (src/components/LiveCode/index.tsx);
 * - Check in a quiz (a form submit, which without React would reload the page and drop the answer): kept from
 *   submitting, the form gets `data-early-submit`, and the quiz checks the answer once it is live
 *   (src/components/Quiz/staticQuiz.ts). A quiz stays plain HTML after hydration until the reader comes near, so
 *   this guard lasts until its host is marked live, not until the page has hydrated.
 * Either way the control looks pressed meanwhile (src/css/custom.css), so nothing seems ignored.
 */

export const EARLY_RUN = 'data-early-run';
export const EARLY_SUBMIT = 'data-early-submit';
/** on a quiz host once its live part has taken over (src/components/Quiz/index.tsx): until then its forms are plain HTML */
export const QUIZ_LIVE = 'data-quiz-live';

/** true once React has taken over the page */
const hydrated = "document.documentElement.getAttribute('data-has-hydrated')==='true'";

export const EARLY_INPUT_SCRIPT =
  '(function(){var d=document;' +
  `d.addEventListener('click',function(e){if(${hydrated})return;` +
  "var b=e.target&&e.target.closest&&e.target.closest('button');var k=b&&b.closest('[data-live-code]');" +
  `if(k&&k.querySelector('button')===b)k.setAttribute('${EARLY_RUN}','')},true);` +
  // a quiz stays plain HTML after hydration too, until the reader comes near: its forms are guarded until it is live
  "d.addEventListener('submit',function(e){" +
  `var f=e.target;if(f&&f.closest&&f.closest('[data-quiz-host]:not([${QUIZ_LIVE}])')){e.preventDefault();` +
  `f.setAttribute('${EARLY_SUBMIT}','')}},true)})()`;
