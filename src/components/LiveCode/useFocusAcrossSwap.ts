/**
 * Keeps the keyboard focus inside a runnable block when its placeholder is swapped for the live part: the swap
 * replaces every element of the block, and the browser would drop the focus to <body> (a keyboard user pressing Run
 * on the placeholder would have to find their way back from the top of the page).
 * The focused placeholder control maps to its live twin: a button to the live button with the same name (Run → Run),
 * the code to the editor.
 */
import {useEffect, useLayoutEffect, useRef, type RefObject} from 'react';

export function useFocusAcrossSwap(rootRef: RefObject<HTMLElement | null>, swapped: boolean): void {
  // the element of the placeholder that has the focus, while it has it
  const focused = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root || swapped) return;
    const onIn = (e: FocusEvent) => {
      focused.current = e.target instanceof HTMLElement ? e.target : null;
    };
    const onOut = (e: FocusEvent) => {
      const left = e.target;
      // Focus moved on (or the reader clicked outside): forget it. Removed by the swap: keep it, the swap needs it.
      // Some browsers fire focusout during the removal, so look once the removal is done.
      queueMicrotask(() => {
        if (focused.current === left && left instanceof HTMLElement && left.isConnected && document.activeElement !== left) {
          focused.current = null;
        }
      });
    };
    root.addEventListener('focusin', onIn);
    root.addEventListener('focusout', onOut);
    return () => {
      root.removeEventListener('focusin', onIn);
      root.removeEventListener('focusout', onOut);
    };
  }, [rootRef, swapped]);

  // In the commit that swapped: before the browser paints, and before anything else moves the focus.
  useLayoutEffect(() => {
    const was = focused.current;
    const root = rootRef.current;
    if (!swapped || !was || !root) return;
    focused.current = null;
    const active = document.activeElement;
    if (was.isConnected || (active && active !== document.body)) return;
    twinOf(root, was)?.focus();
  }, [rootRef, swapped]);
}

function twinOf(root: HTMLElement, was: HTMLElement): HTMLElement | null {
  if (was.tagName === 'BUTTON') {
    const name = was.textContent?.trim();
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button')].filter((b) => !b.disabled);
    return buttons.find((b) => b.textContent?.trim() === name) ?? buttons[0] ?? null;
  }
  return root.querySelector('textarea');
}
