/**
 * What the diagram renderer (scripts/render-diagrams.mts), the remark plugin (./mermaidStatic.ts) and the content test
 * must agree on: where the ```mermaid blocks are, how a block is named on disk, and its accessible title/description.
 * A diagram's files are keyed by a hash of its source, so editing a block without re-rendering is caught (the build
 * fails, the test fails) instead of silently showing the old picture.
 */
import {createHash} from 'node:crypto';
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

/** Site root (this file is src/remark/mermaidBlocks.ts). import.meta.url, not __dirname: tsx's ESM mode mangles it. */
export const SITE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the rendered SVGs live; served at `/diagrams/`. */
export const DIAGRAMS_DIR = path.join(SITE_ROOT, 'static', 'diagrams');
/** Chapter folders of both locales. */
export const CONTENT_DIRS = [
  path.join(SITE_ROOT, 'docs'),
  path.join(SITE_ROOT, 'i18n', 'en', 'docusaurus-plugin-content-docs', 'current'),
];

export type Variant = 'light' | 'dark';
export const VARIANTS: readonly Variant[] = ['light', 'dark'];

/** The text that is hashed: line endings and surrounding blank space do not change the picture. */
export function normalizeSource(source: string): string {
  return source.replace(/\r\n?/g, '\n').trim();
}

/** 12 hex digits of sha256 of the normalized source: short file names, no realistic collision among a few dozen. */
export function diagramHash(source: string): string {
  return createHash('sha256').update(normalizeSource(source)).digest('hex').slice(0, 12);
}

export function svgFileName(hash: string, variant: Variant): string {
  return `${hash}-${variant}.svg`;
}

export interface Accessible {
  title: string | null;
  descr: string | null;
}

/** The `accTitle:` / single-line `accDescr:` of a block (Mermaid's own accessibility syntax). */
export function accessibleText(source: string): Accessible {
  const line = (key: string) => {
    const m = new RegExp(`^\\s*${key}\\s*:\\s*(.+?)\\s*$`, 'm').exec(source);
    return m ? m[1] : null;
  };
  return {title: line('accTitle'), descr: line('accDescr')};
}

/** Image alt text: the title, then the description as its own sentence. */
export function altText({title, descr}: Accessible): string {
  if (!title) return descr ?? '';
  if (!descr) return title;
  return /[.!?。:]$/.test(title) ? `${title} ${descr}` : `${title}. ${descr}`;
}

/** Sequence diagrams are wide and shrink badly; they keep a readable size and scroll sideways on a phone. */
export function isSequenceDiagram(source: string): boolean {
  const first = normalizeSource(source)
    .split('\n')
    .find((l) => l.trim() && !l.trim().startsWith('%%'));
  return /^\s*sequenceDiagram\b/.test(first ?? '');
}

export interface MermaidBlock {
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  source: string;
}

/**
 * The ```mermaid (or ~~~mermaid) fenced blocks of a Markdown/MDX text, with CommonMark's fence rules: up to three
 * spaces of indent, the closing fence at least as long as the opening one, the opening indent removed from content
 * lines. This is what remark gives the plugin as the code node's value.
 */
export function findMermaidBlocks(markdown: string, file = ''): MermaidBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MermaidBlock[] = [];
  let open: {fence: string; indent: number; line: number; body: string[]; mermaid: boolean} | null = null;
  lines.forEach((text, index) => {
    if (!open) {
      const m = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(text);
      if (m) open = {fence: m[2], indent: m[1].length, line: index + 1, body: [], mermaid: m[3] === 'mermaid'};
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
    if (close && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
      if (open.mermaid) blocks.push({file, line: open.line, source: open.body.join('\n')});
      open = null;
      return;
    }
    open.body.push(text.replace(new RegExp(`^ {0,${open.indent}}`), ''));
  });
  return blocks;
}

/** Every .md/.mdx file of both locales, sorted. */
export function contentFiles(dirs: string[] = CONTENT_DIRS): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/.test(entry.name)) found.push(full);
    }
  };
  dirs.forEach(walk);
  return found.sort();
}

/** Natural size of a rendered SVG, from its viewBox. */
export function svgSize(svg: string): {width: number; height: number} | null {
  const m = /^<svg\b[^>]*\bviewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (!m) return null;
  return {width: Math.ceil(Number(m[3])), height: Math.ceil(Number(m[4]))};
}
