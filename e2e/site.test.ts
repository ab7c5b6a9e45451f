import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Result } from 'axe-core';
import { axeViolations, formatViolations, WCAG_22_AA } from './support/axe.ts';
import { sidewaysScroll, type SidewaysScroll } from './support/layout.ts';
import { recordForeignRequests } from './support/network.ts';
import { builtPages, requireBuiltSite } from './support/pages.ts';
import { scriptsIn } from './support/scripts.ts';
import { startSite, type SiteSession } from './support/site.ts';

const dist = requireBuiltSite('dist');
/** Only search may load script; every other page is plain HTML and CSS. */
const SCRIPT_ALLOWED = new Set(['/search/']);
let site: SiteSession;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(() => site?.close());

// Each page loads once (the machine is small): what it loads and contains is gathered first, so that
// axe's own injected script and the narrow viewport cannot change the other checks' results.
describe.each(builtPages(dist))('%s', (pathname) => {
  let foreign: string[] = [];
  let scripts: string[] = [];
  let violations: Result[] = [];
  let sideways: SidewaysScroll;

  beforeAll(async () => {
    const page = await site.open(pathname, {
      viewport: { width: 1280, height: 800 },
      beforeLoad: (p) => {
        foreign = recordForeignRequests(p, site.origin);
      },
    });
    try {
      scripts = await scriptsIn(page);
      violations = await axeViolations(page);
      await page.setViewportSize({ width: 320, height: 640 });
      sideways = await sidewaysScroll(page);
    } finally {
      await page.close();
    }
  });

  test('loads nothing from any host but 127.0.0.1', () => {
    expect(foreign).toEqual([]);
  });

  // Defined only where it applies: a skipped test would read as a gap in the report.
  if (!SCRIPT_ALLOWED.has(pathname)) {
    test('runs no JavaScript', () => {
      expect(scripts, 'scripts, inline event handlers or javascript: links').toEqual([]);
    });
  }

  test(`axe-core finds no violations of ${WCAG_22_AA.join(', ')}`, () => {
    expect(formatViolations(violations)).toBe('');
  });

  // WCAG 1.4.10 Reflow: 320 CSS pixels is 1280 pixels zoomed to 400%.
  test('at 320 CSS pixels wide nothing scrolls sideways', () => {
    const { scrollWidth, clientWidth, offenders } = sideways;
    expect(
      scrollWidth,
      `The page is ${scrollWidth}px wide. Widest elements:\n${offenders.join('\n')}`,
    ).toBeLessThanOrEqual(clientWidth);
  });
});
