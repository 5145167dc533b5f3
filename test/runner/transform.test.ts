/**
 * The generator rewrite (src/runner/transform.ts) must leave a program's JavaScript meaning as it was: expected
 * values here are what the same code prints as plain JavaScript, and positions are the reader's own lines/columns.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {toGenerators} from '../../src/runner/transform';

const run = (code: string) => runInProcess({code});
const out = (code: string) => {
  const r = run(code);
  expect(r.error).toBeUndefined();
  return r.console.map((l) => l.text);
};

describe('the rewrite keeps what the program means', () => {
  it('hoisting, recursion, named function expressions, default parameters, arguments', () => {
    expect(
      out(`
console.log(fact(5));
function fact(n: number): number { return n <= 1 ? 1 : n * fact(n - 1); }
const fib = function f(n: number): number { return n < 2 ? n : f(n - 1) + f(n - 2); };
console.log(fib(10));
function count() { return arguments.length; }
console.log(count(1, 2, 3));
const add = (a: number, b = a * 2) => a + b;
console.log(add(1), add(1, 1));
`),
    ).toEqual(['120', '55', '3', '3 2']);
  });

  it('this: methods, arrows inside methods, call/apply/bind, constructors with new', () => {
    expect(
      out(`
const o = {n: 2, twice() { return [1, 2].map((x) => x * this.n); }};
console.log(o.twice().join());
function show(this: {v: number}, k: number) { return this.v + k; }
console.log(show.call({v: 1}, 2), show.apply({v: 10}, [5]), show.bind({v: 100})(1));
function Point(this: {x: number}, x: number) { this.x = x; }
// @ts-ignore
console.log(new Point(7).x);
class Counter { n = 0; inc() { this.n++; return this; } }
console.log(new Counter().inc().inc().n);
`),
    ).toEqual(['2,4', '3 15 101', '7', '2']);
  });

  it('native callbacks, optional calls, getters, the reader\'s own generators and async functions', () => {
    expect(
      out(`
console.log([3, 1, 2].sort((a, b) => a - b).join(), [1, 2, 3].filter((x) => x % 2).length);
const maybe: any = null;
console.log(maybe?.f(), maybe?.());
const g = {get v() { return [1, 2].map((x) => x + 1).join(); }};
console.log(g.v);
function* nums() { yield 1; yield 2; }
console.log([...nums()].join());
async function later() { return 1; }
console.log(typeof later().then);
console.log(String((x: number) => x).length > 0, (function named() {}).name, ((a: number, b: number) => a).length);
`),
    ).toEqual(['1,2,3 2', 'undefined undefined', '2,3', '1,2', 'function', 'true named 2']);
  });

  it('calling what is not a function names it, as the engine would', () => {
    const r = run(`const o: any = {};\no.nope(1);`);
    expect(r.error).toMatchObject({name: 'TypeError', message: 'o.nope is not a function', line: 2, column: 1});
  });

  it('errors keep the reader\'s line and column, inside rewritten calls and functions', () => {
    const r = run(`const f = (x: number) => {
  const fd = socket();
  if (x > 1) { console.log('x'); connect(fd, '10.0.0.3', 1); }
};
[0].forEach(f); f(2);`);
    expect(r.error).toMatchObject({name: 'SocketError', errno: 'ECONNREFUSED', line: 3, column: 34});
    const thrown = run(`function g() {\n  return [1].map((x) => { throw new RangeError('no ' + x); });\n}\ng();`);
    expect(thrown.error).toMatchObject({name: 'RangeError', message: 'no 1', line: 2, column: 33});
  });

  it('names the rewrite reserves, and yield as a name, are refused as syntax errors', () => {
    const r = run('const $$sl_c = 1;');
    expect(r.status).toBe('syntax-error');
    expect(r.error!.message).toContain('reserved');
    expect(run('let yield = 1;').status).toBe('syntax-error');
  });

  it('a getter or class method that must wait is refused like a native callback', () => {
    const r = run(`
const l = socket(); bind(l, '0.0.0.0', 80); listen(l);
class Server { next() { return accept(l); } }
new Server().next();
`);
    expect(r.error).toMatchObject({name: 'CannotWaitHere', line: 3});
  });

  it('keeps every line where it was', () => {
    const src = 'const a = (x) =>\n  f(x)\n    .then(\n      g(1),\n    );\nfunction h() {\n  return k();\n}\n';
    const t = toGenerators(src);
    expect(t.ok).toBe(true);
    if (t.ok) expect(t.code.split('\n')).toHaveLength(src.split('\n').length);
  });
});
