/**
 * A chunk loaded once per page, usable by React.lazy. Once loaded, `lazy` hands React an already-settled thenable,
 * which React.lazy reads synchronously (React sets and checks `status`): a component whose chunk is there renders
 * at once instead of suspending for a microtask.
 */

export interface Loader<T> {
  /** start (or join) the load */
  load(): Promise<T>;
  /** for React.lazy */
  lazy: () => Promise<{default: T}>;
}

export function loadOnce<T>(start: () => Promise<T>): Loader<T> {
  let loaded: {value: T} | null = null;
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
  return {load, lazy};
}
