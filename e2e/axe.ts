import AxeBuilder from '@axe-core/playwright';
import type {Page} from 'playwright-core';

/** axe's violations on the page, formatted so a failing test says what and where. No rule is disabled. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({page}).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
}
