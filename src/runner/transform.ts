/**
 * The reader's program, rewritten so a blocking socket call can suspend only the process that made it
 * (processes.ts runs the result). JavaScript cannot pause a plain function, but a generator can pause at
 * `yield`, so:
 *
 * - every plain function the reader writes (declaration, expression, arrow) becomes a generator wrapped in an
 *   ordinary function (`$$sl_f` / `$$sl_a`): native code (forEach, sort, toString …) calls the wrapper, which
 *   runs it to its end at once; the reader's own code delegates to the generator instead;
 * - every call in such a function becomes `(yield* $$sl_c(f, this, [args]))` (`$$sl_m(obj, key, [args])` for a
 *   method call): at run time it delegates to a reader function's generator, suspends at a socket call that
 *   must wait, and calls anything else (built-ins) as usual.
 * Methods, getters, class bodies, async functions and the reader's own generators are left as they are: they
 * run to their end when called, and a socket call inside them that would have to wait is refused clearly.
 *
 * The rewrite keeps every line where it was (nothing it inserts or removes holds a line break) and records
 * where it inserted text, so a stack frame's column maps back (`column()`).
 *
 * Cost (npm run bench, section 5; this 2-core machine under a load average of ~12): compiling the 40 chapter blocks
 * took 41 ms with sucrase alone and 126 ms with the rewrite (medians, A/B interleaved), about 2 ms more per block,
 * paid once per Run inside the worker; acorn is imported only here, so it ships in the worker's chunk alone.
 *
 * It also decides which functions may be spawned as processes (processes share no variables): a function that
 * uses a variable of the code around it is refused, unless that variable is a `const` holding a literal or a
 * function declaration that itself uses none. The first such variable is passed to the wrapper for the error.
 */
import {parse, type Node} from 'acorn';

/** Names the rewrite uses; the reader's code may not declare or use anything starting with this. */
export const HELPER_PREFIX = '$$sl_';
export const HELPER_NAMES = ['$$sl_c', '$$sl_m', '$$sl_f', '$$sl_a'] as const;

export type Transformed =
  | {ok: true; code: string; column(line: number, generatedColumn: number): number}
  | {ok: false; message: string; pos: number};

// acorn's nodes, read loosely: the fields used are known per node type
type AnyNode = Node & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Decl {
  kind: 'var' | 'let' | 'const' | 'function' | 'class' | 'param';
  /** a const whose value is a literal (a number, a string, …): safe to read from a process */
  literal: boolean;
  fn?: AnyNode;
  scope: Scope;
}

interface Scope {
  parent: Scope | null;
  depth: number;
  fn: boolean;
  decls: Map<string, Decl>;
}

interface Capture {
  name: string;
  pos: number;
  decl: Decl;
}

interface Edit {
  pos: number;
  end: number;
  text: string | (() => string);
  /** at one position: closers (inner first), then replacements, then openers (outer first) */
  order: number;
}

export function toGenerators(js: string): Transformed {
  let ast: AnyNode;
  try {
    ast = parse(js, {ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, preserveParens: true}) as AnyNode;
  } catch (e) {
    const err = e as {message?: string; pos?: number};
    return {ok: false, message: String(err.message ?? e).replace(/\s*\(\d+:\d+\)$/, ''), pos: err.pos ?? 0};
  }
  const t = new Rewrite(js);
  const bad = t.check(ast);
  if (bad) return {ok: false, ...bad};
  t.declare(ast);
  t.resolve(ast);
  t.rewrite(ast);
  return t.result();
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

class Rewrite {
  private readonly scopes = new Map<AnyNode, Scope>();
  private readonly captures = new Map<AnyNode, Capture[]>();
  private readonly edits: Edit[] = [];
  private seq = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  // ----- checks -----------------------------------------------------------------------------------------

  /** Names the rewrite reserves, and `yield` used as a name (strict code forbids it; inside a generator it would work). */
  check(ast: AnyNode): {message: string; pos: number} | null {
    let found: {message: string; pos: number} | null = null;
    const visit = (n: AnyNode, inGenerator: boolean) => {
      if (found) return;
      if (n.type === 'Identifier') {
        if (n.name.startsWith(HELPER_PREFIX)) found = {message: `names starting with ${HELPER_PREFIX} are reserved by Socket Lab`, pos: n.start};
        else if (n.name === 'yield' && !inGenerator) found = {message: "Unexpected strict mode reserved word 'yield'", pos: n.start};
        return;
      }
      const gen = FUNCTION_TYPES.has(n.type) ? Boolean(n.generator) : inGenerator;
      for (const c of children(n)) visit(c, gen);
    };
    visit(ast, false);
    return found;
  }

  // ----- scopes -----------------------------------------------------------------------------------------

  private newScope(node: AnyNode, parent: Scope | null, fn: boolean): Scope {
    const s: Scope = {parent, depth: parent ? parent.depth + 1 : 0, fn, decls: new Map()};
    this.scopes.set(node, s);
    return s;
  }

  private static fnScope(s: Scope): Scope {
    let f = s;
    while (!f.fn && f.parent) f = f.parent;
    return f;
  }

  /** Pass 1: every scope and what is declared in it (hoisting included). */
  declare(ast: AnyNode): void {
    const top = this.newScope(ast, null, true);
    const visit = (n: AnyNode, scope: Scope) => {
      switch (n.type) {
        case 'FunctionDeclaration':
          if (n.id) scope.decls.set(n.id.name, {kind: 'function', literal: false, fn: n, scope});
          this.declareFunction(n, scope, visit);
          return;
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          this.declareFunction(n, scope, visit);
          return;
        case 'ClassDeclaration':
          if (n.id) scope.decls.set(n.id.name, {kind: 'class', literal: false, scope});
          break;
        case 'VariableDeclaration': {
          const target = n.kind === 'var' ? Rewrite.fnScope(scope) : scope;
          for (const d of n.declarations) {
            const literal = n.kind === 'const' && isLiteral(d.init);
            for (const name of patternNames(d.id)) target.decls.set(name, {kind: n.kind, literal, scope: target});
          }
          break;
        }
        case 'BlockStatement':
        case 'ForStatement':
        case 'ForInStatement':
        case 'ForOfStatement':
        case 'SwitchStatement':
        case 'StaticBlock': {
          const inner = this.newScope(n, scope, false);
          for (const c of children(n)) visit(c, inner);
          return;
        }
        case 'CatchClause': {
          const inner = this.newScope(n, scope, false);
          if (n.param) for (const name of patternNames(n.param)) inner.decls.set(name, {kind: 'let', literal: false, scope: inner});
          for (const c of children(n)) visit(c, inner);
          return;
        }
      }
      for (const c of children(n)) visit(c, scope);
    };
    for (const c of children(ast)) visit(c, top);
  }

  private declareFunction(n: AnyNode, outer: Scope, visit: (n: AnyNode, s: Scope) => void): void {
    const s = this.newScope(n, outer, true);
    if (n.type === 'FunctionExpression' && n.id) s.decls.set(n.id.name, {kind: 'function', literal: false, fn: n, scope: s});
    for (const p of n.params) for (const name of patternNames(p)) s.decls.set(name, {kind: 'param', literal: false, scope: s});
    // the body block shares the function's scope
    const body = n.body as AnyNode;
    if (body.type === 'BlockStatement') {
      this.scopes.set(body, s);
      for (const c of body.body) visit(c, s);
    } else visit(body, s);
    for (const p of n.params) visit(p, s);
  }

  /** Pass 2: each name used inside a function but declared outside it is one of its captures. */
  resolve(ast: AnyNode): void {
    const fns: Array<{node: AnyNode; depth: number}> = [];
    const ref = (id: AnyNode, scope: Scope) => {
      let s: Scope | null = scope;
      while (s && !s.decls.has(id.name)) s = s.parent;
      if (!s) return; // a global or an API name
      const decl = s.decls.get(id.name)!;
      for (const f of fns) if (decl.scope.depth < f.depth) this.captures.get(f.node)!.push({name: id.name, pos: id.start, decl});
    };
    const visit = (n: AnyNode, scope: Scope, binding: boolean) => {
      const own = this.scopes.get(n);
      const s = own ?? scope;
      switch (n.type) {
        case 'Identifier':
          if (!binding) ref(n, s);
          return;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression': {
          this.captures.set(n, []);
          fns.push({node: n, depth: s.depth});
          for (const p of n.params) visit(p, s, true);
          const body = n.body as AnyNode;
          if (body.type === 'BlockStatement') for (const c of body.body) visit(c, s, false);
          else visit(body, s, false);
          fns.pop();
          return;
        }
        case 'VariableDeclarator':
          visit(n.id, s, true);
          if (n.init) visit(n.init, s, false);
          return;
        case 'CatchClause':
          if (n.param) visit(n.param, s, true);
          visit(n.body, s, false);
          return;
        case 'AssignmentPattern':
          visit(n.left, s, binding);
          visit(n.right, s, false);
          return;
        case 'MemberExpression':
          visit(n.object, s, false);
          if (n.computed) visit(n.property, s, false);
          return;
        case 'Property':
        case 'PropertyDefinition':
        case 'MethodDefinition':
          if (n.computed) visit(n.key, s, false);
          if (n.value) visit(n.value, s, binding && n.type === 'Property');
          return;
        case 'ClassDeclaration':
        case 'ClassExpression':
          if (n.superClass) visit(n.superClass, s, false);
          visit(n.body, s, false);
          return;
        case 'LabeledStatement':
          visit(n.body, s, false);
          return;
        case 'BreakStatement':
        case 'ContinueStatement':
        case 'MetaProperty':
          return;
      }
      for (const c of children(n)) visit(c, s, binding);
    };
    for (const c of children(ast)) visit(c, this.scopes.get(ast)!, false);
  }

  /** The first variable of the surrounding code a function uses that a process may not share, or null. */
  private shared(fn: AnyNode, seen = new Set<AnyNode>()): Capture | null {
    if (seen.has(fn)) return null;
    seen.add(fn);
    for (const c of this.captures.get(fn) ?? []) {
      if (c.decl.kind === 'const' && c.decl.literal) continue;
      if (c.decl.kind === 'function' && c.decl.fn && c.decl.fn !== fn && !this.shared(c.decl.fn, seen)) continue;
      if (c.decl.kind === 'function' && c.decl.fn === fn) continue;
      return c;
    }
    return null;
  }

  private info(fn: AnyNode): () => string {
    return () => {
      const c = this.shared(fn);
      return c ? `, ${JSON.stringify(c.name)}, ${this.lineOf(c.pos)}` : '';
    };
  }

  private lineOf(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  // ----- the rewrite ------------------------------------------------------------------------------------

  private open(pos: number, text: string | (() => string)) {
    this.edits.push({pos, end: pos, text, order: 2e9 + ++this.seq});
  }
  private close(pos: number, text: string | (() => string)) {
    this.edits.push({pos, end: pos, text, order: -2e9 - ++this.seq});
  }
  private replace(pos: number, end: number, text: string) {
    this.edits.push({pos, end, text, order: 0});
  }

  /** Pass 3: functions into generators, calls into delegations. */
  rewrite(ast: AnyNode): void {
    const skipCalls = new Set<AnyNode>();
    // `gen`: the code runs inside a generator the rewrite made, so a call there may suspend
    const visit = (n: AnyNode, parent: AnyNode | null, gen: boolean) => {
      switch (n.type) {
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression': {
          const convert = this.convertible(n, parent);
          if (convert) this.convertFunction(n, parent);
          for (const p of n.params) visit(p, n, false);
          visit(n.body, n, convert);
          return;
        }
        case 'ClassBody':
          for (const c of children(n)) visit(c, n, false);
          return;
        case 'BlockStatement':
        case 'StaticBlock':
          this.hoistWrappers(n.body, n.start + 1);
          break;
        case 'ChainExpression': {
          // an optional chain short-circuits as a whole: its calls stay as they are
          let spine: AnyNode = n.expression;
          while (spine.type === 'CallExpression' || spine.type === 'MemberExpression') {
            if (spine.type === 'CallExpression') {
              skipCalls.add(spine);
              spine = spine.callee;
            } else spine = spine.object;
          }
          break;
        }
        case 'CallExpression':
          if (gen && !skipCalls.has(n)) this.convertCall(n);
          break;
      }
      for (const c of children(n)) visit(c, n, gen);
    };
    this.hoistWrappers(ast.body, 0);
    for (const c of children(ast)) visit(c, ast, true);
  }

  private convertible(n: AnyNode, parent: AnyNode | null): boolean {
    if (n.async || n.generator) return false;
    // a method's function: `this`, `super` and how it is called belong to its object or class
    if (parent && (parent.type === 'MethodDefinition' || (parent.type === 'Property' && (parent.method || parent.kind !== 'init')))) return false;
    if (n.type === 'FunctionDeclaration' && parent?.type === 'SwitchCase') return false;
    if (n.type === 'ArrowFunctionExpression' && usesEnclosingFunction(n.body)) return false;
    return true;
  }

  private convertFunction(n: AnyNode, _parent: AnyNode | null): void {
    if (n.type === 'FunctionDeclaration') {
      // `function* f` keeps its hoisting; hoistWrappers() puts `f = $$sl_f(f)` at the top of its scope
      this.open(n.start + 'function'.length, '*');
      return;
    }
    if (n.type === 'FunctionExpression') {
      this.open(n.start, '$$sl_f(');
      this.open(n.start + 'function'.length, '*');
      this.close(n.end, () => `${this.info(n)()})`);
      return;
    }
    // an arrow: `(a) => e` → `$$sl_a(function* (a) {return (e);}, this)`, its `this` kept by the wrapper
    this.open(n.start, '$$sl_a(function* ');
    const bare = n.params.length === 1 && n.params[0].start === n.start;
    if (bare) {
      this.open(n.start, '(');
      this.close(n.params[0].end, ')');
    }
    const body = n.body as AnyNode;
    let arrow = body.start - 1;
    while (arrow > 0 && /\s/.test(this.src[arrow])) arrow--;
    // `arrow` is now at the `>` of `=>`
    if (body.type === 'BlockStatement') {
      this.replace(arrow - 1, arrow + 1, '');
      this.close(n.end, () => `, this${this.info(n)()})`);
    } else {
      this.replace(arrow - 1, arrow + 1, '{return (');
      this.close(n.end, () => `);}, this${this.info(n)()})`);
    }
  }

  /** `f = $$sl_f(f)` for each function declaration of a scope, first thing in it (declarations are hoisted). */
  private hoistWrappers(body: AnyNode[], at: number): void {
    const names = body.filter((s) => s.type === 'FunctionDeclaration' && s.id && !s.async && !s.generator);
    if (names.length === 0) return;
    this.open(at, () => names.map((d) => `${d.id.name} = $$sl_f(${d.id.name}${this.info(d)()});`).join(' '));
  }

  private convertCall(n: AnyNode): void {
    const callee = n.callee as AnyNode;
    if (callee.type === 'Super' || callee.type === 'Import') return;
    const argsOpen = this.argsOpen(n);
    if (argsOpen < 0) return;
    const closeParen = n.end - 1;
    if (callee.type === 'MemberExpression') {
      if (callee.object.type === 'Super') return;
      this.open(n.start, '(yield* $$sl_m(');
      if (callee.computed) {
        const lb = this.after(callee.object.end, '[');
        const rb = this.after(callee.property.end, ']');
        if (lb < 0 || rb < 0) return;
        this.replace(lb, lb + 1, ', ');
        this.replace(rb, rb + 1, '');
      } else {
        const dot = this.after(callee.object.end, '.');
        if (dot < 0) return;
        this.replace(dot, callee.property.end, `, ${JSON.stringify(callee.property.name)}`);
      }
      this.replace(argsOpen, argsOpen + 1, ', [');
    } else {
      if (callee.type === 'ParenthesizedExpression' && callee.expression.type === 'MemberExpression') return;
      this.open(n.start, '(yield* $$sl_c(');
      this.replace(argsOpen, argsOpen + 1, ', [');
    }
    this.replace(closeParen, closeParen + 1, `], ${JSON.stringify(calleeText(this.src.slice(callee.start, callee.end)))}))`);
  }

  /** The `(` that opens a call's arguments. */
  private argsOpen(n: AnyNode): number {
    return this.after(n.callee.end, '(');
  }

  /** The first `ch` at or after `pos`, past white space and comments only (-1 if something else comes first). */
  private after(pos: number, ch: string): number {
    const s = this.src;
    let i = pos;
    while (i < s.length) {
      if (s[i] === ch) return i;
      if (/\s/.test(s[i])) i++;
      else if (s.startsWith('//', i)) i = s.indexOf('\n', i) < 0 ? s.length : s.indexOf('\n', i);
      else if (s.startsWith('/*', i)) i = s.indexOf('*/', i) < 0 ? s.length : s.indexOf('*/', i) + 2;
      else return -1;
    }
    return -1;
  }

  result(): Transformed {
    const edits = this.edits.slice().sort((a, b) => a.pos - b.pos || a.order - b.order);
    let out = '';
    let at = 0;
    // per line (the rewrite keeps lines): where each edit's text begins and ends, generated → original column
    const marks: Mark[][] = [];
    let line = 0;
    let lineStartGen = 0;
    let lineStartSrc = 0;
    const copy = (to: number) => {
      const text = this.src.slice(at, to);
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
        line++;
        lineStartSrc = at + nl + 1;
        lineStartGen = out.length + nl + 1;
      }
      out += text;
      at = to;
    };
    for (const e of edits) {
      if (e.pos < at) continue; // edits never overlap by construction; never corrupt the output if they did
      copy(e.pos);
      const text = typeof e.text === 'function' ? e.text() : e.text;
      const before = out.length - lineStartGen;
      out += text;
      at = e.end;
      const m = (marks[line] ??= []);
      // a column inside the inserted text stands for where it was inserted
      m.push({gen: before, orig: e.pos - lineStartSrc, until: before + text.length});
      m.push({gen: before + text.length, orig: e.end - lineStartSrc, until: 0});
    }
    copy(this.src.length);
    return {
      ok: true,
      code: out,
      column(lineNo: number, col: number): number {
        const m = marks[lineNo - 1];
        if (!m) return col;
        let best: Mark | null = null;
        for (const p of m) {
          if (p.gen <= col) best = p;
          else break;
        }
        if (!best) return col;
        return col < best.until ? best.orig : best.orig + (col - best.gen);
      },
    };
  }
}

interface Mark {
  gen: number;
  orig: number;
  /** for the start of an inserted text: where it ends (columns before that map to `orig`) */
  until: number;
}

/** How a callee that is not a function is named in the TypeError, as engines name it: its source, on one line. */
function calleeText(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/** A node's child nodes, in source order. */
function children(n: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const key of Object.keys(n)) {
    if (key === 'type' || key === 'start' || key === 'end' || key === 'loc' || key === 'range') continue;
    const v = n[key];
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x.type === 'string') out.push(x);
    } else if (v && typeof v === 'object' && typeof v.type === 'string') out.push(v);
  }
  return out.sort((a, b) => a.start - b.start);
}

function patternNames(p: AnyNode | null): string[] {
  if (!p) return [];
  switch (p.type) {
    case 'Identifier':
      return [p.name];
    case 'AssignmentPattern':
      return patternNames(p.left);
    case 'RestElement':
      return patternNames(p.argument);
    case 'ArrayPattern':
      return p.elements.flatMap((e: AnyNode | null) => patternNames(e));
    case 'ObjectPattern':
      return p.properties.flatMap((q: AnyNode) => patternNames(q.type === 'RestElement' ? q : q.value));
    case 'ParenthesizedExpression':
      return patternNames(p.expression);
  }
  return [];
}

/** A literal a process may read from the code around it: a number, string, boolean, null, a plain template. */
function isLiteral(e: AnyNode | null | undefined): boolean {
  if (!e) return false;
  if (e.type === 'ParenthesizedExpression') return isLiteral(e.expression);
  if (e.type === 'Literal') return !e.regex;
  if (e.type === 'TemplateLiteral') return e.expressions.length === 0;
  if (e.type === 'UnaryExpression' && (e.operator === '-' || e.operator === '+')) return isLiteral(e.argument) && e.argument.type === 'Literal';
  return false;
}

/** An arrow that reads `arguments`, `super` or `new.target` of its enclosing function cannot become a generator. */
function usesEnclosingFunction(n: AnyNode): boolean {
  if (n.type === 'Super' || n.type === 'MetaProperty' || (n.type === 'Identifier' && n.name === 'arguments')) return true;
  if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') return false;
  return children(n).some(usesEnclosingFunction);
}
