import AxeBuilder from '@axe-core/playwright';
import type {Page} from 'playwright-core';
import {within, withEverythingDrawn} from './browser';

/**
 * axe's violations on the page, formatted so a failing test says what and where. No rule is disabled.
 * axe runs with everything drawn (see withEverythingDrawn), so every element is really checked.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // axe takes 10–15 s on the longest chapters here; four times that is a hang, reported as one
  // (outside withEverythingDrawn, whose clean-up would wait on a stuck page too)
  const results = await within(60_000, `axe on ${page.url()}`, withEverythingDrawn(page, () => new AxeBuilder({page}).analyze()));
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
}
