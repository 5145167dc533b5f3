/**
 * Reading what a program threw without running its code. A thrown value may be anything: an object with a
 * `message` getter that loops or throws, a Proxy whose traps do, an Error subclass with a hostile `stack`.
 * Only data properties are read, along the prototype chain, and only strings are taken; the engine's own
 * `stack` accessor (V8 installs one on each error) is the one getter that is called.
 */

/** V8's getter of `stack` on errors it created (undefined where the engine keeps a data property). */
const engineStackGetter = (() => {
  try {
    return Object.getOwnPropertyDescriptor(new Error(), 'stack')?.get;
  } catch {
    return undefined;
  }
})();

/** A string data property of `value` or of its prototypes, or null. Never throws. */
export function thrownString(value: unknown, key: string): string | null {
  try {
    let obj: unknown = value;
    for (let depth = 0; depth < 32 && ((typeof obj === 'object' && obj !== null) || typeof obj === 'function'); depth++) {
      const desc = Reflect.getOwnPropertyDescriptor(obj as object, key);
      if (desc) return 'value' in desc && typeof desc.value === 'string' ? desc.value : null;
      obj = Reflect.getPrototypeOf(obj as object);
    }
  } catch {
    /* a Proxy trap threw */
  }
  return null;
}

/** A safe-integer data property of `value` itself (not inherited, never a getter), or null. Never throws. */
export function thrownInteger(value: unknown, key: string): number | null {
  try {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return null;
    const desc = Reflect.getOwnPropertyDescriptor(value, key);
    return desc && 'value' in desc && Number.isSafeInteger(desc.value) ? (desc.value as number) : null;
  } catch {
    return null;
  }
}

/** The thrown value's `name` when it looks like an error (it has a `message` or a `name`), else null. */
export function thrownName(value: unknown): string | null {
  return thrownString(value, 'name');
}

/** The stack text of an error, for locating the reader's line. */
export function thrownStack(value: unknown): string | null {
  try {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return null;
    const desc = Reflect.getOwnPropertyDescriptor(value, 'stack');
    if (!desc) return null;
    if ('value' in desc) return typeof desc.value === 'string' ? desc.value : null;
    if (desc.get && desc.get === engineStackGetter) {
      const text: unknown = desc.get.call(value);
      return typeof text === 'string' ? text : null;
    }
  } catch {
    /* a Proxy trap threw */
  }
  return null;
}
