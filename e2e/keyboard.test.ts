import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import { requireBuiltSite } from './support/pages.ts';
import { startSite, type OpenOptions, type SiteSession } from './support/site.ts';

const dist = requireBuiltSite('dist');
let site: SiteSession;

beforeAll(async () => {
  site = await startSite(dist);
});
afterAll(() => site?.close());

/** Opens a page that closes when the test ends. */
async function open(pathname: string, options?: OpenOptions): Promise<Page> {
  const page = await site.open(pathname, options);
  onTestFinished(() => page.close());
  return page;
}

/** What has keyboard focus: its id, text, link target and where it is drawn. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const box = el?.getBoundingClientRect();
    return {
      id: el?.id ?? '',
      text: el?.textContent?.trim() ?? '',
      href: el?.getAttribute('href') ?? '',
      inMain: document.getElementById('maincontent')?.contains(el) ?? false,
      visible: !!box && box.width > 1 && box.height > 1 && box.top >= 0 && box.top < window.innerHeight,
    };
  });

test('the first Tab on the home page focuses a visible skip link', async () => {
  const page = await open('/');
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ text: 'Skip to main content', href: '#maincontent', visible: true });
});

test('Enter on the skip link scrolls to the main content and the next Tab lands inside it', async () => {
  // A short viewport, so the page has room to scroll past the header.
  const page = await open('/', { viewport: { width: 800, height: 400 } });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#maincontent');
  const scroll = await page.evaluate(() => {
    const mainTop = document.getElementById('maincontent')!.getBoundingClientRect().top + window.scrollY;
    const maxScroll = document.documentElement.scrollHeight - window.innerHeight;
    return { scrollY: Math.round(window.scrollY), expected: Math.round(Math.min(mainTop, maxScroll)) };
  });
  expect(scroll.scrollY).toBeGreaterThan(0);
  expect(Math.abs(scroll.scrollY - scroll.expected)).toBeLessThanOrEqual(1);
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ inMain: true, visible: true });
});

test('the header search is reached with Tab and Enter searches for what was typed', async () => {
  const page = await open('/');
  let reached = false;
  for (let presses = 0; presses < 20 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = (await focused(page)).id === 'search-field';
  }
  expect(reached, 'the header search field was not reached within 20 presses of Tab').toBe(true);
  await page.keyboard.type('court diversion');
  await Promise.all([page.waitForURL((url) => url.pathname === '/search/'), page.keyboard.press('Enter')]);
  const url = new URL(page.url());
  expect(url.pathname).toBe('/search/');
  expect(url.searchParams.get('q')).toBe('court diversion');
});
