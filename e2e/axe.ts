import AxeBuilder from '@axe-core/playwright';
import type {Page} from 'playwright-core';

/**
 * axe's violations on the page, formatted so a failing test says what and where. No rule is disabled.
 *
 * Content the browser has not rendered yet because of `content-visibility: auto` (quiz cards far from the
 * viewport) has no boxes, so axe would compute colour contrast against the wrong background and report it
 * (axe-core issue #2768, open). While axe runs, everything is rendered, so every element is really checked.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const style = await page.addStyleTag({content: '* { content-visibility: visible !important; }'});
  try {
    const results = await new AxeBuilder({page}).analyze();
    return results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
    );
  } finally {
    await style.evaluate((el) => (el as Element).remove());
  }
}
