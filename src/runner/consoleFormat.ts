/**
 * console.log's arguments as one line of text, close to what Node and browsers print:
 * strings as they are, objects as `{ ip: '10.0.0.2', port: 40312 }`, errors as "Name: message".
 */

const MAX_DEPTH = 3;
const MAX_ITEMS = 50;

export function formatArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a, 0, new Set()))).join(' ');
}

function formatValue(v: unknown, depth: number, seen: Set<object>): string {
  switch (typeof v) {
    case 'string':
      return depth === 0 ? v : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'symbol':
      return v.toString();
    case 'function':
      return `[Function: ${v.name || '(anonymous)'}]`;
  }
  if (v === null) return 'null';
  const obj = v as object;
  if (seen.has(obj)) return '[Circular]';
  if (obj instanceof Error) return obj.message ? `${obj.name}: ${obj.message}` : obj.name;
  if (obj instanceof Uint8Array) {
    const items = Array.from(obj.slice(0, MAX_ITEMS), String);
    if (obj.length > MAX_ITEMS) items.push(`... ${obj.length - MAX_ITEMS} more`);
    return `Uint8Array(${obj.length}) [${items.length ? ` ${items.join(', ')} ` : ''}]`;
  }
  if (depth >= MAX_DEPTH) return Array.isArray(obj) ? '[Array]' : '[Object]';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) {
      const items = obj.slice(0, MAX_ITEMS).map((x) => formatValue(x, depth + 1, seen));
      if (obj.length > MAX_ITEMS) items.push(`... ${obj.length - MAX_ITEMS} more items`);
      return items.length ? `[ ${items.join(', ')} ]` : '[]';
    }
    if (obj instanceof Map) {
      const items = [...obj].map(([k, x]) => `${formatValue(k, depth + 1, seen)} => ${formatValue(x, depth + 1, seen)}`);
      return `Map(${obj.size}) {${items.length ? ` ${items.join(', ')} ` : ''}}`;
    }
    if (obj instanceof Set) {
      const items = [...obj].map((x) => formatValue(x, depth + 1, seen));
      return `Set(${obj.size}) {${items.length ? ` ${items.join(', ')} ` : ''}}`;
    }
    const entries = Object.keys(obj).map((k) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`;
      return `${key}: ${formatValue((obj as Record<string, unknown>)[k], depth + 1, seen)}`;
    });
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  } finally {
    seen.delete(obj);
  }
}
