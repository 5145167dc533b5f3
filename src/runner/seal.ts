/**
 * Sealing the runner's Web Worker before any reader code runs (issue 16), in the spirit of SES lockdown():
 *  1. every global a socket program does not need is deleted (network, storage, importScripts, other workers,
 *     timers, the worker's own message plumbing — the worker keeps what it needs in closures first);
 *  2. the Function constructors (Function, AsyncFunction, GeneratorFunction, AsyncGeneratorFunction, reached
 *     through their prototypes' `.constructor`) and eval become inert, for good;
 *  3. every intrinsic reachable from the globals that are kept (and the hidden ones: iterator and generator
 *     prototypes, %TypedArray% …) is frozen, so no run can change what the next one sees.
 * Freezing makes assignment to an inherited frozen property fail ("override mistake"); like SES, the few
 * properties ordinary code assigns on its own objects (`this.name = …` in an Error subclass, `o.toString = …`)
 * become accessors that define the property on the object assigned to instead.
 *
 * Worker only: sealing the realm a test runner or the page lives in would break them. Node tests run it in a
 * child process (test/runner/seal.test.ts).
 */

/** Globals a program may keep: ECMAScript's own, and TextEncoder/TextDecoder that the runner itself uses. */
export const KEPT_GLOBALS: readonly string[] = [
  'Object', 'Function', 'Array', 'Number', 'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined', 'Boolean',
  'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError',
  'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'JSON', 'Math', 'Intl', 'ArrayBuffer', 'Atomics',
  'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array',
  'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'Float16Array', 'DataView', 'Map',
  'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'decodeURI',
  'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape', 'isFinite', 'isNaN',
  'Iterator', 'SharedArrayBuffer', 'TextEncoder', 'TextDecoder',
];

/** Properties ordinary code assigns on its own objects although a frozen prototype holds them. */
const OVERRIDABLE: ReadonlyArray<[() => object, readonly string[]]> = [
  [() => Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty']],
  [() => Error.prototype, ['name', 'message', 'constructor', 'toString']],
  [() => Function.prototype, ['toString']],
];

export interface SealReport {
  /** global names that could not be removed (non-configurable): each is checked to be inert */
  kept: string[];
  /** how many objects were frozen */
  frozen: number;
}

/** What the inert constructors throw; the worker sets it in the run's language (setInertMessage) before the run. */
let inertMessage = 'the Function constructor is not available in Socket Lab programs';

/** Kept in this module's closure: a program cannot reach it, only the worker that imports it. */
export function setInertMessage(text: string): void {
  inertMessage = text;
}

/** Seal the realm whose global object is `global`. Idempotent; never throws for a property it cannot change. */
export function seal(global: typeof globalThis): SealReport {
  const report: SealReport = {kept: [], frozen: 0};
  tameFunctionConstructors(global);
  removeGlobals(global, report);
  enableOverrides();
  report.frozen = freezeIntrinsics(global);
  try {
    Object.freeze(global);
  } catch {
    /* a host object that refuses: its properties were removed above */
  }
  return report;
}

/** The constructors reachable from every function value become functions that throw. */
function tameFunctionConstructors(global: typeof globalThis): void {
  const g = global as unknown as Record<string, unknown>;
  const prototypes = [
    Function.prototype,
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[];
  for (const proto of prototypes) {
    // an inert constructor keeps `f instanceof Function` and `.prototype` working, and compiles nothing
    const inert = function () {
      throw new TypeError(inertMessage);
    };
    Object.defineProperty(inert, 'prototype', {value: proto, writable: false, enumerable: false, configurable: false});
    Object.defineProperty(proto, 'constructor', {value: inert, writable: false, enumerable: false, configurable: false});
    if (proto === Function.prototype) {
      Object.defineProperty(g, 'Function', {value: inert, writable: false, enumerable: false, configurable: false});
    }
  }
  delete g.eval;
}

/** Delete every global not in KEPT_GLOBALS, on the global object and on its prototype chain (WorkerGlobalScope, EventTarget). */
function removeGlobals(global: typeof globalThis, report: SealReport): void {
  const kept = new Set(KEPT_GLOBALS);
  for (let obj: object | null = global; obj && obj !== Object.prototype; obj = Object.getPrototypeOf(obj)) {
    for (const key of Reflect.ownKeys(obj)) {
      if (typeof key === 'string' && kept.has(key) && obj === global) continue;
      try {
        if (Reflect.deleteProperty(obj, key)) continue;
      } catch {
        /* fall through */
      }
      try {
        Object.defineProperty(obj, key, {value: undefined, writable: false, configurable: false});
      } catch {
        report.kept.push(String(key));
      }
    }
    if (obj !== global) Object.freeze(obj);
  }
}

function enableOverrides(): void {
  for (const [protoOf, keys] of OVERRIDABLE) {
    const proto = protoOf();
    for (const key of keys) {
      const desc = Object.getOwnPropertyDescriptor(proto, key);
      if (!desc || !('value' in desc) || !desc.configurable) continue;
      const value = desc.value as unknown;
      Object.defineProperty(proto, key, {
        configurable: false,
        enumerable: desc.enumerable ?? false,
        get: function () {
          return value;
        },
        set: function (this: unknown, next: unknown) {
          if (this === proto || (typeof this !== 'object' && typeof this !== 'function') || this === null) {
            throw new TypeError(`Cannot assign to read only property '${key}'`);
          }
          if (Object.prototype.hasOwnProperty.call(this, key)) {
            (this as Record<string, unknown>)[key] = next;
          } else {
            Object.defineProperty(this, key, {value: next, writable: true, enumerable: true, configurable: true});
          }
        },
      });
    }
  }
}

/** Objects only reachable from values, not from any global name. */
function hiddenIntrinsics(global: typeof globalThis): unknown[] {
  const out: unknown[] = [
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
    (function* () {})(),
    (async function* () {})(),
    [][Symbol.iterator](),
    new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](),
    ''[Symbol.iterator](),
    /a/[Symbol.matchAll](''),
    Object.getPrototypeOf(Uint8Array),
    Object.getOwnPropertyDescriptor(Function.prototype, 'caller')?.get,
    (function () {
      // %ThrowTypeError%, as strict arguments.callee holds it
      'use strict';
      // eslint-disable-next-line prefer-rest-params
      return Object.getOwnPropertyDescriptor(arguments, 'callee')?.get;
    })(),
  ];
  try {
    const I = (global as unknown as {Iterator?: {from?: (x: unknown) => unknown}}).Iterator;
    const helper = [][Symbol.iterator]() as unknown as {map?: (f: unknown) => unknown};
    if (typeof helper.map === 'function') out.push(helper.map((x: unknown) => x));
    if (I?.from) out.push(I.from({next: () => ({done: true, value: undefined})}));
  } catch {
    /* an engine without iterator helpers */
  }
  try {
    const seg = new Intl.Segmenter().segment('');
    out.push(seg, seg[Symbol.iterator]());
  } catch {
    /* no Intl.Segmenter */
  }
  return out;
}

/** Freeze everything reachable from the kept globals and the hidden intrinsics: properties, accessors, prototypes. */
function freezeIntrinsics(global: typeof globalThis): number {
  const seen = new Set<unknown>();
  const stack: unknown[] = [...hiddenIntrinsics(global)];
  for (const name of KEPT_GLOBALS) {
    const desc = Object.getOwnPropertyDescriptor(global, name);
    if (desc) stack.push(desc.value, desc.get, desc.set);
  }
  while (stack.length > 0) {
    const v = stack.pop();
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) continue;
    seen.add(v);
    Object.freeze(v);
    stack.push(Object.getPrototypeOf(v));
    for (const key of Reflect.ownKeys(v)) {
      const desc = Reflect.getOwnPropertyDescriptor(v, key);
      if (!desc) continue;
      stack.push(desc.value, desc.get, desc.set);
    }
  }
  return seen.size;
}
