/**
 * A chunk loaded once per page (the quiz, the review page, a runnable block's live part, the highlighter): one load
 * however often it is asked for, a failed load (offline?) started again next time, and the value at hand
 * synchronously once it is there. Usable by React.lazy: once loaded, `lazy` hands React an already-settled
 * thenable, which React.lazy reads synchronously (React sets and checks `status`), so a component whose chunk is
 * there renders at once instead of suspending for a microtask.
 */

export interface Loader<T> {
  /** start (or join) the load */
  load(): Promise<T>;
  /** for React.lazy */
  lazy: () => Promise<{default: T}>;
  /** the value if it is already here, else null */
  current(): T | null;
}

/** `start` loads the value; `atHand`, if given, is the value already there (no load at all). */
export function loadOnce<T>(start: () => Promise<T>, atHand: T | null = null): Loader<T> {
  let loaded: {value: T} | null = atHand === null ? null : {value: atHand};
  let pending: Promise<T> | null = null;
  const load = (): Promise<T> => {
    if (loaded) return Promise.resolve(loaded.value);
    pending ??= start().then(
      (value) => {
        loaded = {value};
        return value;
      },
      (err: unknown) => {
        // a chunk that failed to load (offline?) may load next time
        pending = null;
        throw err;
      },
    );
    return pending;
  };
  const lazy = (): Promise<{default: T}> => {
    if (loaded) {
      const module = {default: loaded.value};
      const settled = {
        status: 'fulfilled' as const,
        value: module,
        then(onFulfilled?: (m: {default: T}) => unknown) {
          onFulfilled?.(module);
          return settled;
        },
      };
      return settled as unknown as Promise<{default: T}>;
    }
    return load().then((value) => ({default: value}));
  };
  return {load, lazy, current: () => (loaded ? loaded.value : null)};
}
