/**
 * The mechanism the loader patches share (codeBlockLines, ordinalKeySort, hydrationFlips, wordWrapNearScreen): exact
 * edits of a stock module's text, each stock text found exactly once, or the build fails. A Docusaurus upgrade that
 * rewrites one of those lines then stops the build instead of the patch quietly doing nothing.
 */
'use strict';

/** The source with each [stock text, replacement] applied in turn, or null when a stock text is missing or not unique. */
function applyEdits(source, edits) {
  let out = source;
  for (const [stock, by] of edits) {
    const at = out.indexOf(stock);
    if (at < 0 || out.indexOf(stock, at + 1) >= 0) return null;
    out = out.slice(0, at) + by + out.slice(at + stock.length);
  }
  return out;
}

/**
 * A webpack loader applying `editsFor(resourcePath)` (null: a file the patch has no edits for); when they do not
 * apply, the build fails with `failure(resourcePath)`.
 */
function editLoader(editsFor, failure) {
  return function exactEditsLoader(source) {
    const edits = editsFor(this.resourcePath);
    const out = edits === null ? null : applyEdits(source, edits);
    if (out === null) {
      this.emitError(new Error(failure(this.resourcePath)));
      return source;
    }
    return out;
  };
}

/**
 * A loader applying the same `edits` to every file its rule sends it; `rewrite(source)` (what its guard test calls)
 * is those edits on a source, or null where they do not apply.
 */
function fixedEditsLoader(edits, failure) {
  const loader = editLoader(() => edits, failure);
  loader.rewrite = (source) => applyEdits(source, edits);
  return loader;
}

/**
 * A loader patch of one line: `stock` becomes `by` in the file the patch's rule sends it. Its message names the
 * patch, the line, what Docusaurus changed (`changed`) and what to do.
 */
function oneLineLoader(patch, stock, by, changed) {
  return fixedEditsLoader(
    [[stock, by]],
    (file) => `${patch}: the line \`${stock}\` is not in ${file} (once). ${changed}, then update or remove src/patches/${patch}.`,
  );
}

module.exports = {applyEdits, editLoader, fixedEditsLoader, oneLineLoader};
