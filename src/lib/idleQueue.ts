/**
 * Work that can wait until the page has nothing better to do, one item at a time: blocks that scrolled
 * into view mount their live part here, so a screen with several blocks (or a block visible at load,
 * while React is still hydrating the page) never turns into one long task; a quiz a screen away loads its live part
 * here too. Without requestIdleCallback (Safari) each item waits 50 ms.
 */

type Task = () => void;

const queue: Task[] = [];
let scheduled = false;

function requestIdle(run: () => void): void {
  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
    // the timeout bounds the wait on a page that is never idle (an animation, a busy tab)
    window.requestIdleCallback(run, {timeout: 1500});
  } else {
    setTimeout(run, 50);
  }
}

function drain(): void {
  scheduled = false;
  const task = queue.shift();
  if (task) task();
  // the next one gets its own idle period, after whatever this one made React do
  if (queue.length > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestIdle(drain);
}

/** Run `task` in a later idle period, after the tasks queued before it. Returns a cancel function. */
export function whenIdle(task: Task): () => void {
  queue.push(task);
  schedule();
  return () => {
    const i = queue.indexOf(task);
    if (i >= 0) queue.splice(i, 1);
  };
}
