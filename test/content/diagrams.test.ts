/**
 * Diagrams are authored as ```mermaid blocks but shipped as SVGs rendered ahead of time (scripts/render-diagrams.mts),
 * named by a hash of the block's source. These tests catch a block edited without re-rendering, a rendered file no
 * block needs any more, and a diagram without a text alternative in its page's language.
 */
import {describe, expect, it} from 'vitest';
import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import type {Code, Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {
  DIAGRAMS_DIR,
  SITE_ROOT,
  VARIANTS,
  accessibleText,
  contentFiles,
  diagramHash,
  findMermaidBlocks,
  svgFileName,
  svgSize,
  type MermaidBlock,
} from '../../src/remark/mermaidBlocks';
import mermaidStatic from '../../src/remark/mermaidStatic';

const blocks: MermaidBlock[] = contentFiles().flatMap((file) =>
  findMermaidBlocks(readFileSync(file, 'utf8'), path.relative(SITE_ROOT, file)),
);
const label = (b: MermaidBlock) => `${b.file}:${b.line}`;
const isEnglish = (b: MermaidBlock) => b.file.startsWith('i18n/en/');
const HANGUL = /[\u3131-\uD79D]/;
const svgFiles = readdirSync(DIAGRAMS_DIR).filter((f) => f.endsWith('.svg'));

describe('findMermaidBlocks (the fence reader the renderer and this test share)', () => {
  it('reads mermaid fences as CommonMark does and skips every other fence', () => {
    const markdown = [
      '```ts run',
      'const a = 1;',
      '```',
      '````md',
      '```mermaid',
      'flowchart TD',
      '```',
      '````',
      '  ```mermaid',
      '  sequenceDiagram',
      '    A->>B: hi',
      '  ```',
      '~~~mermaid',
      'flowchart LR',
      '~~~',
    ].join('\n');

    const found = findMermaidBlocks(markdown, 'x.mdx');

    // The block inside the ````md fence is an example, not a diagram; indentation up to the fence's is removed.
    expect(found.map((b) => [b.line, b.source])).toEqual([
      [9, 'sequenceDiagram\n  A->>B: hi'],
      [13, 'flowchart LR'],
    ]);
  });
});

describe('the chapters have diagrams', () => {
  it('in both locales, as many in English as in Korean', () => {
    const english = blocks.filter(isEnglish).length;

    expect(english).toBeGreaterThan(0);
    expect(blocks.length - english).toBe(english);
  });
});

describe.each(blocks.map((b) => [label(b), b] as const))('%s', (_, block) => {
  const acc = accessibleText(block.source);
  const hash = diagramHash(block.source);

  it('has an accTitle and an accDescr in the language of its page', () => {
    expect(acc.title, 'accTitle').toBeTruthy();
    expect(acc.descr, 'accDescr').toBeTruthy();
    const text = `${acc.title} ${acc.descr}`;
    if (isEnglish(block)) expect(text).not.toMatch(HANGUL);
    else expect(text).toMatch(HANGUL);
  });

  it.each(VARIANTS)('is rendered from its current source (%s)', (variant) => {
    expect(svgFiles, `${svgFileName(hash, variant)}: run npx tsx scripts/render-diagrams.mts`).toContain(
      svgFileName(hash, variant),
    );
    const svg = readFileSync(path.join(DIAGRAMS_DIR, svgFileName(hash, variant)), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // Mermaid writes the accTitle into the SVG's <title>: the file really is this block's picture.
    const escaped = acc.title!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(svg).toContain(`>${escaped}</title>`);
  });

  it('has a natural size the page can reserve, the same in light and dark', () => {
    const [light, dark] = VARIANTS.map((v) => readFileSync(path.join(DIAGRAMS_DIR, svgFileName(hash, v)), 'utf8'));
    const size = svgSize(light);

    expect(size, 'viewBox').not.toBeNull();
    expect(light).toMatch(new RegExp(`^<svg width="${size!.width}" height="${size!.height}"`));
    expect(svgSize(dark)).toEqual(size);
  });
});

describe('static/diagrams', () => {
  it('holds no file that no block needs (stale renders are deleted)', () => {
    const wanted = new Set(blocks.flatMap((b) => VARIANTS.map((v) => svgFileName(diagramHash(b.source), v))));

    expect(svgFiles.filter((f) => !wanted.has(f))).toEqual([]);
  });

  it('holds only well-formed-looking SVG documents', () => {
    for (const file of svgFiles) {
      const svg = readFileSync(path.join(DIAGRAMS_DIR, file), 'utf8');
      expect(svg.startsWith('<svg '), file).toBe(true);
      expect(svg, file).toMatch(/^<svg\b[^>]*\sviewBox="[^"]+"/);
      expect(svg, file).toMatch(/^<svg\b[^>]*\sxmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(svg.trimEnd().endsWith('</svg>'), file).toBe(true);
    }
  });
});

describe('labels drawn as outlines', () => {
  // An SVG shown through <img> cannot use the page's fonts. Its labels are outlines (scripts/diagram-outlines.mts):
  // nothing for the reader's browser to decode, look up or shape when it paints the picture, and no empty boxes
  // where a reader has no Korean font.
  const svgs = svgFiles.map((f) => [f, readFileSync(path.join(DIAGRAMS_DIR, f), 'utf8')] as const);

  it.each(svgs)('%s has no text element and no font', (_file, svg) => {
    expect(svg).not.toMatch(/<text\b/);
    expect(svg).not.toMatch(/@font-face/);
  });

  it.each(svgs)('%s draws every glyph it uses from its own <defs>', (_file, svg) => {
    const defined = new Set([...svg.matchAll(/<path id="(g\d+)"/g)].map((m) => m[1]));
    const used = new Set([...svg.matchAll(/<use href="#(g\d+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('mermaidStatic (remark plugin)', () => {
  const code = (value: string, lang = 'mermaid'): Code => ({type: 'code', lang, value, position: {start: {line: 7, column: 1}, end: {line: 9, column: 4}}});
  const transform = (tree: Root) => {
    mermaidStatic()(tree, {path: path.join(SITE_ROOT, 'docs', 'x.mdx')});
    return tree;
  };
  const attrs = (el: MdxJsxFlowElement) =>
    Object.fromEntries(el.attributes.map((a) => ('name' in a ? [a.name, a.value] : ['', null])));
  const imagesOf = (figure: MdxJsxFlowElement): MdxJsxFlowElement[] =>
    figure.children.flatMap((c) => {
      const el = c as MdxJsxFlowElement;
      return el.name === 'img' ? [el] : imagesOf(el);
    });
  const real = blocks[0];

  it('replaces a mermaid block by a figure with the light and the dark SVG, described by its accTitle/accDescr', () => {
    const tree: Root = {type: 'root', children: [code(real.source)]};

    transform(tree);

    const figure = tree.children[0] as unknown as MdxJsxFlowElement;
    expect(figure.type).toBe('mdxJsxFlowElement');
    expect(figure.name).toBe('figure');
    const images = imagesOf(figure).map(attrs);
    const hash = diagramHash(real.source);
    const acc = accessibleText(real.source);
    const size = svgSize(readFileSync(path.join(DIAGRAMS_DIR, svgFileName(hash, 'light')), 'utf8'))!;
    expect(images.map((i) => i.src)).toEqual([`/diagrams/${hash}-light.svg`, `/diagrams/${hash}-dark.svg`]);
    expect(images.map((i) => i.className)).toEqual([
      'diagram__img diagram__img--light',
      'diagram__img diagram__img--dark',
    ]);
    for (const image of images) {
      expect(image.alt).toContain(acc.title);
      expect(image.alt).toContain(acc.descr);
      expect([image.width, image.height]).toEqual([String(size.width), String(size.height)]);
    }
  });

  it('reaches blocks nested in lists and leaves other code blocks alone', () => {
    const other = code('const fd = socket();', 'ts');
    const tree: Root = {
      type: 'root',
      children: [other, {type: 'list', children: [{type: 'listItem', children: [code(real.source)]}]}],
    };

    transform(tree);

    expect(tree.children[0]).toBe(other);
    const item = (tree.children[1] as {children: {children: MdxJsxFlowElement[]}[]}).children[0];
    expect(item.children[0].name).toBe('figure');
  });

  it('stops the build with the command to run when a block was changed but not re-rendered', () => {
    const edited = `${real.source}\n  %% edited after rendering`;
    const tree: Root = {type: 'root', children: [code(edited)]};

    expect(() => transform(tree)).toThrow(/docs\/x\.mdx:7: diagram not rendered: run npx tsx scripts\/render-diagrams\.mts/);
  });

  it('stops the build when a block has no accTitle', () => {
    const tree: Root = {type: 'root', children: [code('flowchart TD\n  A --> B')]};

    expect(() => transform(tree)).toThrow(/accTitle/);
  });
});
