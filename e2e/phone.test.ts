/**
 * A reader on a 320px phone (issue 25): wide tables scroll inside a named region that a keyboard can reach and
 * scroll, and the header is no taller than NHS.UK's own header at 320px. Checks dist/ (run `npm run build` first).
 * NHS.UK's header is measured here, not copied: a page made from nhsuk-frontend's own header markup
 * (its fixtures), its compiled CSS and its script, served from a temporary folder on 127.0.0.1.
 */
import * as cheerio from 'cheerio';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtPages, requireBuiltSite } from './support/pages.ts';
import { serveDir, type StaticServer } from './support/server.ts';
import { startSite, type SiteSession } from './support/site.ts';

const DIST = 'dist';
const PHONE = { width: 320, height: 640 };
requireBuiltSite(DIST);

const html = (page: string) =>
  fs.readFileSync(path.join(DIST, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
const pagesWithTables = builtPages(DIST).filter((page) => cheerio.load(html(page))('main table').length > 0);

let site: SiteSession;
beforeAll(async () => {
  site = await startSite(DIST);
});
afterAll(async () => {
  await site?.close();
});

describe('tables on a 320px phone', () => {
  test('the site has tables to check', () => {
    expect(pagesWithTables.length).toBeGreaterThan(0);
  });

  test('every table sits in a region that a keyboard reaches, named by its caption or its heading', async () => {
    for (const pathname of pagesWithTables) {
      const page = await site.open(pathname, { viewport: PHONE });
      const tables = await page.locator('main table').evaluateAll((tables) =>
        tables.map((table) => {
          const region = table.closest('.nhsuk-scroll__content');
          const labelledBy = region?.getAttribute('aria-labelledby');
          return {
            // A named <section> is a region, as NHS.UK's <div role="region">.
            region: region?.tagName === 'SECTION' || region?.getAttribute('role') === 'region',
            tabIndex: region?.getAttribute('tabindex'),
            name: labelledBy
              ? document.getElementById(labelledBy)?.textContent?.trim()
              : region?.getAttribute('aria-label'),
            caption: table.querySelector('caption')?.textContent?.trim(),
          };
        }),
      );
      for (const table of tables) {
        expect(table.region, pathname).toBe(true);
        expect(table.tabIndex, pathname).toBe('0');
        expect(table.name, pathname).toBeTruthy();
        if (table.caption) expect(table.name, pathname).toBe(table.caption);
        // What a screen reader is told: a region, by that name.
        expect(await page.getByRole('region', { name: table.name!, exact: true }).count(), pathname).toBe(1);
      }
      // The page itself never scrolls sideways: the table scrolls in its own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), pathname).toBeLessThanOrEqual(320);
      await page.close();
    }
  });

  test('a table wider than the screen shows that it scrolls, and scrolls with the arrow keys', async () => {
    let wide = 0;
    for (const pathname of pagesWithTables) {
      const page = await site.open(pathname, { viewport: PHONE });
      const regions = page.locator('main .nhsuk-scroll__content:has(table)');
      for (let i = 0; i < (await regions.count()); i++) {
        const region = regions.nth(i);
        const overflow = await region.evaluate((el) => el.scrollWidth - el.clientWidth);
        if (overflow <= 0) continue;
        wide++;
        await region.scrollIntoViewIfNeeded();
        // The cue: NHS.UK's shadow on the edge with more to see (the right one before scrolling), not a scroll bar.
        expect(await shadowOpacity(page, i, '::after'), `${pathname}: right-hand shadow`).toBe('1');
        expect(await shadowOpacity(page, i, '::before'), `${pathname}: left-hand shadow`).toBe('0');
        // Reached with the keyboard: Tab from the element before it lands on the region.
        await region.evaluate((el) => {
          const before = document.createElement('button');
          before.textContent = 'before';
          el.parentElement!.before(before);
          before.focus();
        });
        await page.keyboard.press('Tab');
        expect(await region.evaluate((el) => el === document.activeElement), pathname).toBe(true);
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        await page.waitForFunction((el) => el.scrollLeft > 0, await region.elementHandle());
        // …and on to its end, where nothing is cut off.
        for (
          let press = 0;
          press < 40 && (await region.evaluate((el) => el.scrollLeft < el.scrollWidth - el.clientWidth - 1));
          press++
        ) {
          await page.keyboard.press('ArrowRight');
        }
        expect(await region.evaluate((el) => el.scrollLeft >= el.scrollWidth - el.clientWidth - 1), pathname).toBe(
          true,
        );
        expect(await shadowOpacity(page, i, '::before'), `${pathname}: left-hand shadow once scrolled`).toBe('1');
        fs.mkdirSync('test-results/phone', { recursive: true });
        await page.screenshot({ path: `test-results/phone/table-${pathname.replaceAll('/', '_')}${i}.png` });
      }
      await page.close();
    }
    expect(wide, 'tables wider than a 320px screen').toBeGreaterThan(0);
  });

  test('on a desktop screen a table that fits neither scrolls nor shows a shadow, and lines up with the text', async () => {
    for (const pathname of pagesWithTables) {
      const page = await site.open(pathname, { viewport: { width: 1280, height: 800 } });
      const regions = page.locator('main .nhsuk-scroll__content:has(table)');
      for (let i = 0; i < (await regions.count()); i++) {
        const region = regions.nth(i);
        const fits = await region.evaluate((el) => {
          const table = el.querySelector('table')!;
          // Tables whose columns need more than the page gives them still scroll, as on a phone.
          return table.scrollWidth <= el.parentElement!.clientWidth + 4;
        });
        if (!fits) continue;
        expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth), pathname).toBe(0);
        expect(await shadowOpacity(page, i, '::before'), `${pathname}: left-hand shadow`).toBe('0');
        expect(await shadowOpacity(page, i, '::after'), `${pathname}: right-hand shadow`).toBe('0');
        // NHS.UK's table sits 2px out on each side so that its cells' text lines up with the paragraphs'.
        const [cell, prose] = await region.evaluate((el) => [
          el.querySelector('th, td')!.getBoundingClientRect().left + 2,
          el.parentElement!.parentElement!.querySelector(':scope > p')!.getBoundingClientRect().left,
        ]);
        expect(Math.abs(cell - prose), `${pathname}: table's left edge against the text's`).toBeLessThanOrEqual(1);
      }
      await page.close();
    }
  });
});

/** The opacity of a scroll region's shadow, once its transition has ended. */
async function shadowOpacity(page: Page, index: number, pseudo: '::before' | '::after'): Promise<string> {
  const region = page.locator('main .nhsuk-scroll__content:has(table)').nth(index);
  await page.waitForTimeout(300);
  return region.evaluate((el, p) => getComputedStyle(el, p).opacity, pseudo);
}

describe('the header on a 320px phone', () => {
  let nhsuk: StaticServer;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'nhsuk-header-'));
    fs.writeFileSync(path.join(folder, 'index.html'), nhsukHeaderPage());
    nhsuk = await serveDir(folder);
  });
  afterAll(async () => {
    await nhsuk?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const headerHeight = (page: Page) =>
    page.locator('header.nhsuk-header').evaluate((el) => el.getBoundingClientRect().height);

  test('is no taller than NHS.UK’s own header with the same links, and keeps every link on one row', async () => {
    const theirs = await site.browser.newPage({ viewport: PHONE });
    await theirs.goto(nhsuk.origin + '/');
    await theirs.waitForSelector('.nhsuk-header__menu:not([hidden])');
    const reference = await headerHeight(theirs);
    await theirs.close();

    fs.mkdirSync('test-results/phone', { recursive: true });
    for (const pathname of ['/', '/specification/', '/bulletins/']) {
      const page = await site.open(pathname, { viewport: PHONE });
      expect(await headerHeight(page), pathname).toBeLessThanOrEqual(reference + 0.5);
      const tops = await page
        .locator('.nhsuk-header__navigation-link')
        .evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${pathname}: rows of navigation links`).toBe(1);
      await page.screenshot({ path: `test-results/phone/header${pathname.replaceAll('/', '_')}.png` });
      await page.close();
    }
  });

  test('gives each link its full name, which holds the words the phone shows', async () => {
    const page = await site.open('/', { viewport: PHONE });
    const links = page.locator('.nhsuk-header__navigation-link');
    const names = await page.getByRole('navigation', { name: 'Menu' }).getByRole('link').allTextContents();
    expect(names.length).toBe(await links.count());
    for (let i = 0; i < names.length; i++) {
      const link = links.nth(i);
      // What the phone shows: the link's text that takes up room on the screen.
      const shown = await link.evaluate((a) =>
        [...a.querySelectorAll('span')]
          .filter((span) => span.children.length === 0 && span.getBoundingClientRect().width > 1)
          .map((span) => span.textContent!.trim())
          .join(' '),
      );
      expect(shown).not.toBe('');
      const name = await link.evaluate((a) => {
        const clone = a.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('[aria-hidden="true"]').forEach((el) => el.remove());
        return clone.textContent!.replace(/\s+/g, ' ').trim();
      });
      expect(name.toLowerCase()).toContain(shown.toLowerCase());
    }
    expect(await page.getByRole('link', { name: 'Service specification', exact: true }).count()).toBe(1);
    await page.close();
  });
});

/**
 * NHS.UK's header as nhsuk-frontend documents it (its fixture with service name, search and navigation),
 * with this site's three navigation links, its compiled CSS and its script, which moves links that do not
 * fit into a "More" menu.
 */
function nhsukHeaderPage(): string {
  const root = path.resolve('node_modules/nhsuk-frontend/dist/nhsuk');
  const { fixtures } = JSON.parse(fs.readFileSync(path.join(root, 'components/header/fixtures.json'), 'utf8')) as {
    fixtures: { name: string; html: string }[];
  };
  const fixture = fixtures.find((f) => f.name === 'with service name, search, account, navigation')!;
  const items = ['The programme', 'Service specification', 'Bulletins']
    .map(
      (text) =>
        `<li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" href="#">${text}</a></li>`,
    )
    .join('\n');
  const header = fixture.html
    .replace(/<nav class="nhsuk-header__account"[\s\S]*?<\/nav>/, '')
    .replace(/(<ul class="nhsuk-header__navigation-list">)[\s\S]*?(<li class="nhsuk-header__menu")/, `$1${items}$2`);
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${fs.readFileSync(path.join(root, 'nhsuk-frontend.min.css'), 'utf8')}</style></head>
<body class="js-enabled nhsuk-frontend-supported">${header}
<script type="module">${fs.readFileSync(path.join(root, 'nhsuk-frontend.min.js'), 'utf8')}
initAll();</script></body></html>`;
}
