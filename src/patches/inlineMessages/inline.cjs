/**
 * The rewrite behind the inlineMessages patch (./index.ts), plain CommonJS so that webpack can run it as a loader and
 * the tests can call it: in one source file, each `translate({id: '…', message: '…'}` whose id has a message in the
 * locale's code.json gets that message as its default, written into the call. Only that literal form is touched
 * (every translate() in src/ uses it; a dynamic id or <Translate> children stay with code.json as before).
 */
'use strict';

const CALL = /translate\(\s*\{\s*id:\s*'([^']+)',\s*message:\s*/g;

/** The end (index after the closing quote) of the string literal starting at `start`, or -1 if none starts there. */
function literalEnd(source, start) {
  const quote = source[start];
  if (quote !== "'" && quote !== '"' && quote !== '`') return -1;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (quote === '`' && c === '$' && source[i + 1] === '{') return -1; // a template with holes: not a plain default
    else if (c === quote) return i + 1;
    else if (c === '\n' && quote !== '`') return -1;
  }
  return -1;
}

/**
 * @param {string} source a .ts/.tsx file
 * @param {Record<string, {message: string}>} messages the locale's code.json
 * @returns {{code: string, ids: string[]}} the rewritten source and the ids written into it
 */
function inlineMessages(source, messages) {
  const ids = [];
  let out = '';
  let from = 0;
  for (const m of source.matchAll(CALL)) {
    const id = m[1];
    const start = m.index + m[0].length;
    const end = literalEnd(source, start);
    const message = Object.prototype.hasOwnProperty.call(messages, id) ? messages[id].message : undefined;
    if (end < 0 || typeof message !== 'string') continue;
    out += source.slice(from, start) + JSON.stringify(message);
    from = end;
    ids.push(id);
  }
  return {code: out + source.slice(from), ids};
}

/** webpack loader: options.messages is the locale's code.json */
function loader(source) {
  const {messages} = this.getOptions();
  return inlineMessages(source, messages).code;
}

module.exports = loader;
module.exports.inlineMessages = inlineMessages;
