/**
 * Hostile programs: each tries one route out of the sandbox, or one way to break the runner for later runs,
 * and prints ESCAPED if it got anywhere. Shared by the Node suite (test/runner/seal.test.ts: a sealed child
 * process) and the Chromium suite (e2e/hostile.test.ts: the site's sealed worker).
 */

/** `grab()` is each attack's way to a global object; the common tail reports what it got. */
const report = (grab: string) =>
  `let g; try { g = (${grab}); } catch (e) { g = undefined; }\n` +
  `if (g && (typeof g === 'object' || typeof g === 'function') && ('fetch' in g || 'process' in g || 'postMessage' in g || 'importScripts' in g || 'Object' in g)) console.log('ESCAPED');\n` +
  `else console.log('contained');`;

export const GLOBAL_ROUTES: Record<string, string> = {
  'Object constructor chain': report("({}).constructor.constructor('return this')()"),
  'function literal constructor': report("(function () {}).constructor('return this')()"),
  'arrow constructor': report("(() => 0).constructor('return globalThis')()"),
  'Reflect.getPrototypeOf': report("Reflect.getPrototypeOf(() => 0).constructor('return this')()"),
  'AsyncFunction': report("Object.getPrototypeOf(async function () {}).constructor('return this')"),
  'GeneratorFunction': report("Object.getPrototypeOf(function* () {}).constructor('return this')().next().value"),
  'AsyncGeneratorFunction': report("Object.getPrototypeOf(async function* () {}).constructor('return this')"),
  'an API function\'s constructor': report("socket.constructor('return this')()"),
  'console.log\'s constructor': report("console.log.constructor('return this')()"),
  'SocketError\'s constructor': report("SocketError.constructor('return this')()"),
  'Reflect.construct(Function)': report("Reflect.construct(Object.getPrototypeOf(Math.max).constructor, ['return this'])()"),
  'bound Function': report("Function.prototype.bind.call(Object.getPrototypeOf(Math.max).constructor, null, 'return this')()()"),
  'globalThis': report('globalThis'),
  'self': report('self'),
  'this at the top': report('this'),
  'this in a nested function': report('(function () { return this; })()'),
  'eval': report("eval('this')"),
  'indirect eval': report("(0, eval)('this')"),
  'Function global': report("Function('return this')()"),
  'arguments.callee': report('(function () { return arguments.callee.caller; })()'),
  'Error.prepareStackTrace':
    "try { Error.prepareStackTrace = (e, frames) => frames.map((f) => f.getThis()); } catch (e) {}\n" +
    "const frames = new Error().stack;\n" +
    "if (Array.isArray(frames) && frames.some((t) => t && typeof t === 'object' && ('fetch' in t || 'process' in t))) console.log('ESCAPED'); else console.log('contained');",
  'Error.captureStackTrace with a hostile prepare':
    "try { Object.defineProperty(Error, 'prepareStackTrace', {value: (e, s) => s}); } catch (e) {}\n" +
    "const o = {}; try { Error.captureStackTrace(o); } catch (e) {}\n" +
    "console.log(Array.isArray(o.stack) ? 'ESCAPED' : 'contained');",
  'Symbol.unscopables and with': report("(() => { Array.prototype[Symbol.unscopables].x = 1; return undefined; })()"),
  'a getter on Object.prototype': report("(() => { Object.defineProperty(Object.prototype, 'then', {get() { return 1; }}); return undefined; })()"),
  'toString coercion of a returned object':
    "const evil = {toString() { return (function () {}).constructor('return this')(); }};\n" +
    "try { write(3, evil); } catch (e) {}\nconsole.log('contained');",
  'a Proxy passed to write':
    "const fd = socket(); connect(fd, resolve('echo.example.com'), 7);\n" +
    "const p = new Proxy(new Uint8Array(2), {get(t, k) { if (k === 'constructor') { return (function () {}).constructor('return this')(); } return Reflect.get(t, k); }});\n" +
    "try { write(fd, p); } catch (e) {}\nconsole.log('contained');",
  'a Proxy passed to poll':
    "const fds = new Proxy([{fd: 3, events: 1}], {get(t, k) { if (k === 'map') return () => { throw new Error('trap'); }; return Reflect.get(t, k); }});\n" +
    "try { poll(fds, 0); } catch (e) {}\nconsole.log('contained');",
  'an object with valueOf for a port':
    "const fd = socket(); try { connect(fd, '93.184.216.7', {valueOf() { console.log('ESCAPED'); return 7; }}); } catch (e) {}\nconsole.log('contained');",
  'the Function constructor from a callback after the run':
    "Promise.resolve().then(() => { const g = (function () {}).constructor('return this')(); g.Array.prototype.join = () => 'ESCAPED'; });",
  'an async function resumed after the run':
    "(async () => { await null; const g = Object.getPrototypeOf(async () => {}).constructor('return this'); g().String.prototype.split = () => ['ESCAPED']; })();",
  // write() copies the bytes it is given; a species constructor would hand the runner an array the program keeps,
  // and changing it afterwards would change what the simulator sends (and what the trace, and checkers, read)
  'Symbol.species on the bytes given to write':
    "let kept; const fd = socket(); connect(fd, resolve('echo.example.com'), 7);\n" +
    "const u = new Uint8Array([65, 66, 67]);\n" +
    "Object.defineProperty(u, 'constructor', {value: {[Symbol.species]: function (n) { kept = new Uint8Array(n); return kept; }}});\n" +
    "write(fd, u); if (kept) kept.fill(88);\nconsole.log(read(fd) === 'ABC' ? 'contained' : 'ESCAPED');",
  'import()': "import('data:text/javascript,postMessage(1)');",
  'import.meta': 'console.log(import.meta.url);',
  'import() spelled with a comment': "import /* x */ ('https://example.com/x.js');",
};

/** Programs that try to change what the next run sees (the next run of a correct program must be unaffected). */
export const POLLUTION: Record<string, string> = {
  'Object.prototype': "Object.prototype.polluted = 1; Object.prototype.toString = () => 'x';",
  'Array.prototype.push': 'Array.prototype.push = function () { return 0; };',
  'Array.prototype.map': 'Array.prototype.map = function () { return []; };',
  'String.prototype.split': "String.prototype.split = function () { return ['x']; };",
  'Map.prototype.get': 'Map.prototype.get = function () { return undefined; };',
  'JSON.stringify': "JSON.stringify = () => '{}';",
  'Math.max': 'Math.max = () => 0;',
  'Promise.prototype.then': 'Promise.prototype.then = function () {};',
  'Symbol.iterator of arrays': 'Array.prototype[Symbol.iterator] = function* () {};',
  'Uint8Array.prototype.slice': 'Uint8Array.prototype.slice = function () { return new Uint8Array(0); };',
  'TextDecoder.prototype.decode': "TextDecoder.prototype.decode = () => 'x';",
  'Error.prototype.message': "Error.prototype.message = 'x';",
  'defineProperty on a prototype': "Object.defineProperty(Array.prototype, 'length2', {get() { return 1; }});",
  'the API\'s console': "console.log = () => {};",
  'the API\'s error class': "SocketError.prototype.errno = 'x';",
  'a callback left behind': "Promise.resolve().then(() => { for (;;) {} });",
  'an async function left behind': "(async () => { await null; console.log('late'); socket(); })();",
};

/** Programs whose output must be cut in the worker, with what must show in the result. */
export const OVERSIZED: Record<string, string> = {
  'a 100 MB console string': "console.log('x'.repeat(100 * 1024 * 1024));",
  'a 50 MB error message': "throw new Error('e'.repeat(50 * 1024 * 1024));",
  '1,000 lines of 100k characters': "const line = 'y'.repeat(100000);\nfor (let i = 0; i < 1000; i++) console.log(line);",
  'more lines than kept': 'for (let i = 0; i < 5000; i++) console.log(i);',
  'a huge thrown string': "throw 's'.repeat(10 * 1024 * 1024);",
  'many trace events': 'for (let i = 0; i < 4900; i++) close(socket());',
};

/** Thrown values that are hostile to whoever reads them. */
export const HOSTILE_THROWS: Record<string, string> = {
  'a message getter that throws': "throw {get message() { throw new Error('no'); }, get name() { throw new Error('no'); }};",
  'a Proxy whose every trap throws':
    "throw new Proxy({}, {get() { throw 1; }, getPrototypeOf() { throw 1; }, getOwnPropertyDescriptor() { throw 1; }, has() { throw 1; }});",
  'an Error with a stack getter': "const e = new Error('m'); Object.defineProperty(e, 'stack', {get() { throw 1; }}); throw e;",
  'an Error subclass naming itself': "class Mine extends Error { constructor() { super('mine'); this.name = 'Mine'; } }\nthrow new Mine();",
  'a Symbol': "throw Symbol('s');",
  // the API's own error classes, made by the program with arguments the runner never gives them: the result must
  // stay a result (cloneable, valid), the program's error, not a runner fault
  'a SocketError whose errno is a function': 'throw new SocketError(function EBADF() {});',
  'a SocketError whose errno is 100 characters': "throw new SocketError('E'.repeat(100));",
  'a WouldBlockForever whose call is an object': "throw new WouldBlockForever({toString() { return 'read'; }}, 3);",
  'null': 'throw null;',
};

export const ALL_ATTACKS: Record<string, string> = {...GLOBAL_ROUTES, ...POLLUTION, ...OVERSIZED, ...HOSTILE_THROWS};

/** The correct program each attack is followed by, and what it prints. */
export const CORRECT_PROGRAM =
  "const fd = socket();\nconnect(fd, resolve('echo.example.com'), 7);\nwrite(fd, 'ping');\n" +
  "const m = new Map([['k', 'v']]);\nconsole.log(read(fd, 100), [1, 2].map((x) => x * 2).join(','), 'a-b'.split('-').length, m.get('k'), JSON.stringify({a: 1}), Math.max(1, 2));\nclose(fd);";
export const CORRECT_OUTPUT = 'ping 2,4 2 v {"a":1} 2';
