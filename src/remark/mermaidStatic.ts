/**
 * Remark plugin: each ```mermaid code block becomes the diagram pre-rendered by scripts/render-diagrams.mts, as
 *   <figure class="diagram"><img class="diagram__img diagram__img--light" …><img … --dark …></figure>
 * so readers get two small SVG files instead of Mermaid's ~180 KB of JavaScript. src/css/custom.css shows the image
 * that matches [data-theme]. The alt text is the block's accTitle and accDescr, so the picture is also a sentence.
 *
 * Images are plain root-relative URLs under the site's baseUrl, not webpack imports: Docusaurus would inline small
 * files as data URLs into the page's JavaScript, the very weight this plugin removes.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Code, Parent, Root, RootContent} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {
  DIAGRAMS_DIR,
  SITE_ROOT,
  VARIANTS,
  accessibleText,
  altText,
  diagramHash,
  svgFileName,
  svgSize,
} from './mermaidBlocks';

export interface MermaidStaticOptions {
  /** the site's baseUrl; the SVGs are served from `${baseUrl}diagrams/` */
  baseUrl?: string;
  /** where the rendered SVGs are (default static/diagrams) */
  dir?: string;
}

/**
 * Smallest share of its natural size a diagram may shrink to: 16 px labels stay at least ~11.5 px, the size of the
 * inspectors' labels. A three-party sequence diagram (three 120 px actors) then still fits a 360 px phone's column
 * whole; below that the diagram keeps this width and scrolls sideways inside its own box instead.
 */
export const MIN_SCALE = 0.72;
/** Content column of the narrowest phone we serve (320 px viewport − 2 × 16 px padding). */
export const NARROWEST_COLUMN = 288;

const RENDER_HINT = 'run npx tsx scripts/render-diagrams.mts';

function attr(name: string, value: string): MdxJsxAttribute {
  return {type: 'mdxJsxAttribute', name, value};
}

/** `style={{minWidth: '…'}}` as MDX needs it: the JS expression and its estree. */
function minWidthStyle(px: number): MdxJsxAttribute {
  const width = `${px}px`;
  return {
    type: 'mdxJsxAttribute',
    name: 'style',
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: `{minWidth: ${JSON.stringify(width)}}`,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          comments: [],
          body: [
            {
              type: 'ExpressionStatement',
              expression: {
                type: 'ObjectExpression',
                properties: [
                  {
                    type: 'Property',
                    method: false,
                    shorthand: false,
                    computed: false,
                    kind: 'init',
                    key: {type: 'Identifier', name: 'minWidth'},
                    value: {type: 'Literal', value: width, raw: JSON.stringify(width)},
                  },
                ],
              },
            },
          ],
        },
      },
    },
  };
}

function element(name: string, attributes: MdxJsxAttribute[], children: MdxJsxFlowElement[] = []): MdxJsxFlowElement {
  return {type: 'mdxJsxFlowElement', name, attributes, children};
}

/** The figure for one block; throws if the block has no accTitle or its SVGs were not rendered. */
export function diagramFigure(code: Code, where: string, options: MermaidStaticOptions = {}): MdxJsxFlowElement {
  const dir = options.dir ?? DIAGRAMS_DIR;
  const baseUrl = (options.baseUrl ?? '/').replace(/\/?$/, '/');
  const acc = accessibleText(code.value);
  if (!acc.title) {
    throw new Error(`${where}: mermaid diagram has no "accTitle:" line; add one (and "accDescr:") in the page's language`);
  }
  const hash = diagramHash(code.value);
  const images = VARIANTS.map((variant) => {
    const file = path.join(dir, svgFileName(hash, variant));
    if (!existsSync(file)) {
      throw new Error(`${where}: diagram not rendered: ${RENDER_HINT} (missing ${path.relative(SITE_ROOT, file)})`);
    }
    const size = svgSize(readFileSync(file, 'utf8'));
    if (!size) throw new Error(`${where}: ${path.relative(SITE_ROOT, file)} has no viewBox; ${RENDER_HINT}`);
    return {variant, size};
  });
  const {width, height} = images[0].size;
  const minWidth = Math.ceil(width * MIN_SCALE);
  const imgs = images.map(({variant}) =>
    element('img', [
      attr('src', `${baseUrl}diagrams/${svgFileName(hash, variant)}`),
      attr('alt', altText(acc)),
      attr('className', `diagram__img diagram__img--${variant}`),
      attr('width', String(width)),
      attr('height', String(height)),
      attr('loading', 'lazy'),
      attr('decoding', 'async'),
      ...(minWidth < width ? [minWidthStyle(minWidth)] : []),
    ]),
  );
  // Wide enough to overflow a small phone even when shrunk: a scroll box keyboard users can reach (tab, then arrows).
  if (minWidth > NARROWEST_COLUMN) {
    const scroller = element('div', [attr('className', 'diagram__scroll'), attr('tabIndex', '0'), attr('role', 'group'), attr('aria-label', acc.title)], imgs);
    return element('figure', [attr('className', 'diagram diagram--wide')], [scroller]);
  }
  return element('figure', [attr('className', 'diagram')], imgs);
}

/** Replaces every ```mermaid code node, at any depth (lists, blockquotes, JSX children). */
export default function mermaidStatic(options: MermaidStaticOptions = {}) {
  return (tree: Root, file: {path?: string}) => {
    const where = (node: Code) =>
      `${file.path ? path.relative(SITE_ROOT, file.path) : '<mdx>'}:${node.position?.start.line ?? '?'}`;
    const walk = (parent: Parent) => {
      parent.children.forEach((child, index) => {
        if (child.type === 'code' && child.lang === 'mermaid') {
          parent.children[index] = diagramFigure(child, where(child), options) as unknown as RootContent;
        } else if ('children' in child) {
          walk(child as Parent);
        }
      });
    };
    walk(tree);
  };
}
