/**
 * What the rewritten program (transform.ts) calls at run time: the helpers `$$sl_c`, `$$sl_m`, `$$sl_f`,
 * `$$sl_a`, and running a reader function to its end when native code calls it.
 *
 * A socket call that must wait yields WAIT up through every reader function on the stack to the scheduler
 * (program.ts), which resumes that process when the call can complete. When native code (forEach, sort, a
 * getter …) called the reader's function there is no way to suspend it: runSync answers REFUSED and the socket
 * call says, in the reader's language, how to write it instead. Nothing here is reachable from the program but
 * the four helpers; the wrappers keep their generators in a WeakMap.
 */

/** What a socket call yields while it waits (the scheduler learns the details from the process itself). */
export const WAIT: unique symbol = Symbol('wait');
/** What a socket call gets back instead of a result when the code around it cannot be suspended. */
export const REFUSED: unique symbol = Symbol('refused');

export type Step = Generator<typeof WAIT, unknown, unknown>;

/** The first variable of the surrounding program a function uses (transform.ts), which a process may not share. */
export interface Shared {
  name: string;
  line: number;
}

interface UserFunction {
  gen: (...args: unknown[]) => Step;
  /** an arrow: its `this` is the one it was created with */
  bound: boolean;
  thisArg: unknown;
  shared: Shared | null;
}

export class Coroutines {
  private readonly user = new WeakMap<object, UserFunction>();
  private readonly api = new WeakMap<object, (...args: unknown[]) => Step>();

  /** A socket API function: `impl` runs when the program calls it from its own code, `plain` from native code. */
  apiFunction(impl: (...args: never[]) => Step): (...args: unknown[]) => unknown {
    const plain = (...args: unknown[]) => this.runSync((impl as (...a: unknown[]) => Step)(...args));
    this.api.set(plain, impl as (...args: unknown[]) => Step);
    return plain;
  }

  /** The reader's function behind a value, with what it shares; undefined for anything else. */
  userFunction(f: unknown): {shared: Shared | null; start(args: unknown[]): Step} | undefined {
    const u = typeof f === 'function' ? this.user.get(f) : undefined;
    if (!u) return undefined;
    return {shared: u.shared, start: (args) => Reflect.apply(u.gen, u.bound ? u.thisArg : undefined, args) as Step};
  }

  /** Call `f` from the program's own code: a reader function or a socket call is delegated to, so it may suspend. */
  *invoke(f: unknown, thisArg: unknown, args: unknown[], text: string): Step {
    if (typeof f !== 'function') throw new TypeError(`${text} is not a function`);
    const u = this.user.get(f);
    if (u) return yield* Reflect.apply(u.gen, u.bound ? u.thisArg : thisArg, args) as Step;
    const a = this.api.get(f);
    if (a) return yield* a(...args);
    return Reflect.apply(f, thisArg, args);
  }

  /** Run a generator to its end now: a socket call in it that would have to wait is refused (it throws). */
  runSync(it: Step): unknown {
    let r = it.next();
    while (!r.done) r = it.next(REFUSED);
    return r.value;
  }

  /** The values of transform.ts's HELPER_NAMES, in that order. */
  helpers(): unknown[] {
    const co = this;
    const call = function* (f: unknown, args: unknown[], text: string) {
      return yield* co.invoke(f, undefined, args, text);
    };
    const method = function* (obj: unknown, key: PropertyKey, args: unknown[], text: string) {
      const f = (obj as Record<PropertyKey, unknown>)[key];
      return yield* co.invoke(f, obj, args, text);
    };
    const fn = (gen: (...a: unknown[]) => Step, name?: string, line?: number) => {
      const wrapper = function (this: unknown, ...args: unknown[]) {
        return co.runSync(Reflect.apply(gen, this, args) as Step);
      };
      named(wrapper, gen);
      const user = {gen, bound: false, thisArg: undefined, shared: name === undefined ? null : {name, line: line ?? 0}};
      co.user.set(wrapper, user);
      // a named function expression calls itself by the generator's own name
      co.user.set(gen, user);
      return wrapper;
    };
    const arrow = (gen: (...a: unknown[]) => Step, thisArg: unknown, name?: string, line?: number) => {
      const wrapper = (...args: unknown[]) => co.runSync(Reflect.apply(gen, thisArg, args) as Step);
      named(wrapper, gen);
      co.user.set(wrapper, {gen, bound: true, thisArg, shared: name === undefined ? null : {name, line: line ?? 0}});
      return wrapper;
    };
    return [call, method, fn, arrow].map((h) => Object.freeze(h));
  }
}

/** The wrapper keeps the reader's function's name and parameter count (console.log, .length). */
function named(wrapper: object, gen: {name: string; length: number}) {
  Object.defineProperty(wrapper, 'name', {value: gen.name, configurable: true});
  Object.defineProperty(wrapper, 'length', {value: gen.length, configurable: true});
}
