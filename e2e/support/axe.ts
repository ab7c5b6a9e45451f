import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.0, 2.1 and 2.2 level A and AA rules, as axe-core tags them. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | undefined;

/**
 * Runs axe-core in the page with the given rule tags and returns what it found wrong.
 * @example const violations = await axeViolations(page); // => [] on an accessible page
 */
export async function axeViolations(page: Page, tags: string[] = WCAG_22_AA): Promise<Result[]> {
  // Injected as inline text, not a URL, so the page loads nothing from anywhere else.
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (runOnly) =>
      (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: runOnly },
        resultTypes: ['violations'],
      }),
    tags,
  );
  return results.violations;
}

/**
 * Axe violations as lines a person can act on: rule, impact, help, then each element's selector.
 * @example formatViolations(violations) // => 'color-contrast (serious): Elements must meet ... \n  - .app-meta'
 */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map(
        (n) =>
          `  - ${n.target.join(' >> ')}${n.failureSummary ? `\n    ${n.failureSummary.replaceAll('\n', '\n    ')}` : ''}`,
      );
      return `${v.id} (${v.impact ?? 'no impact given'}): ${v.help}\n  ${v.helpUrl}\n${targets.join('\n')}`;
    })
    .join('\n');
}
