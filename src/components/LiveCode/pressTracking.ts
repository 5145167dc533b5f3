/**
 * Whether a pointer (mouse button, finger, pen) is pressed anywhere on the page right now, and a way to wait for its
 * release. The editor's key hint shows while the editor has the focus; a press elsewhere takes the focus away on
 * pointer-down, and if the hint vanished then, everything below it would move up between the press and the
 * release, and the release would land on another element: the button pressed (the quiz's Check under its editor)
 * would get no click. So the hint waits for the release (./Editor.tsx).
 */
let pressed = 0;
let listening = false;

function listen(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('pointerdown', () => pressed++, true);
  const release = () => {
    pressed = Math.max(0, pressed - 1);
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
}

/** Start watching presses (call when an editor mounts: the first press must already be seen). */
export function watchPresses(): void {
  listen();
}

export function isPressed(): boolean {
  return pressed > 0;
}

/**
 * Run `fn` once the current press is over and its click has been delivered: a task after the release, or after the
 * current task when nothing is pressed (a finger's tap: the touch has ended when the focus moves, and the browser
 * dispatches the tap's mousedown, mouseup and click in one task, hit-testing again before the click). Returns a
 * function that cancels the wait.
 */
export function afterRelease(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  if (pressed === 0 || typeof document === 'undefined') {
    timer = setTimeout(fn, 0);
    return () => {
      if (timer !== null) clearTimeout(timer);
    };
  }
  const done = () => {
    document.removeEventListener('pointerup', done, true);
    document.removeEventListener('pointercancel', done, true);
    // after the release's own task: the click it makes is dispatched before anything moves
    timer = setTimeout(fn, 0);
  };
  document.addEventListener('pointerup', done, true);
  document.addEventListener('pointercancel', done, true);
  return () => {
    document.removeEventListener('pointerup', done, true);
    document.removeEventListener('pointercancel', done, true);
    if (timer !== null) clearTimeout(timer);
  };
}
