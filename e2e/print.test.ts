import * as cheerio from 'cheerio';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../src/lib/dates.ts';
import { siteConfig } from '../src/site.config.ts';
import { launchBrowser } from './support/browser.ts';
import { currentSpecification, frontmatter, publishedIssues, versionFacts } from './support/content.ts';
import { serveDir, type StaticServer } from './support/server.ts';

// Checks dist/ (run `npm run build` first, with the same SITE_URL and BUILD_DATE).
const DIST = 'dist';
const load = (page: string) => cheerio.load(fs.readFileSync(path.join(DIST, page, 'index.html'), 'utf8'));
const spec = currentSpecification(siteConfig.contentDir);
const facts = versionFacts(siteConfig.contentDir, spec.version);

describe('/specification/print/', () => {
  const $ = load('specification/print');

  test('says which version it is, when it was published and the date of the copy', () => {
    expect($('h1').text()).toContain(spec.version);
    const rows = Object.fromEntries(
      $('main .nhsuk-summary-list__row')
        .toArray()
        .map((row) => [$(row).find('dt').text().trim(), $(row).find('dd').text().trim()]),
    );
    expect(rows).toMatchObject({
      Version: `${spec.version}, the current version: ${facts.title}`,
      Published: formatDate(new Date(facts.published)),
      'Date of this copy': formatDate(siteConfig.buildDate),
    });
  });

  test('holds every section of the current version, in order', () => {
    const headings = $('main section > h2')
      .toArray()
      .map((h) => $(h).text().trim());
    expect(headings).toEqual(spec.sections.map((s) => `${s.number}. ${s.title}`));
  });

  test('holds every clause of every section, under the same anchor as on its section page', () => {
    const here = new Set(
      $('[id^="clause-"]')
        .toArray()
        .map((el) => $(el).attr('id')),
    );
    for (const section of spec.sections) {
      const page = load(`specification/${section.slug}`);
      const clauses = page('main [id^="clause-"]')
        .toArray()
        .map((el) => page(el).attr('id'));
      expect(clauses.length, section.slug).toBeGreaterThan(0);
      for (const id of clauses) expect(here.has(id), `${section.slug} #${id}`).toBe(true);
    }
  });

  test('has no id twice', () => {
    const ids = $('[id]')
      .toArray()
      .map((el) => $(el).attr('id'));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });
});

describe('printing a page', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const issue = publishedIssues(siteConfig.contentDir, '9999-12-31')[0];

  beforeAll(async () => {
    server = await serveDir(DIST);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const visible = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
  const after = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el, '::after').content);

  test('leaves out navigation, search, breadcrumbs, pagination and footer links', async () => {
    await page.goto(`${server.origin}/bulletins/${issue.id}/`);
    for (const selector of [
      '.nhsuk-header__navigation',
      '.nhsuk-header__search',
      '.nhsuk-breadcrumb',
      '.nhsuk-pagination',
      '.nhsuk-footer__list',
      '.app-editors',
    ]) {
      expect(await visible(selector), selector).toBe(0);
    }
    expect(await visible('main h1')).toBe(1);
  });

  test('writes each link address out after it, in full for links within the site', async () => {
    await page.goto(`${server.origin}/get-updates/`);
    expect(await after('main a[href="/bulletins/"]')).toBe(`" (${siteConfig.url}/bulletins/)"`);
    await page.goto(`${server.origin}/specification/print/`);
    const source = page.locator('main .app-sources a[href^="http"]').first();
    const href = await source.getAttribute('href');
    expect(await source.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(`" (${href})"`);
    // Links within the page, and links whose words are their address, get nothing added.
    expect(await after('main a[href^="#"]')).toBe('none');
    expect(await after('main a.app-link-is-address')).toBe('none');
  });

  test('keeps clause headings with the text after them, and each section starts a page', async () => {
    await page.goto(`${server.origin}/specification/print/`);
    const heading = page.locator('main [id^="clause-"]').first();
    expect(await heading.evaluate((el) => getComputedStyle(el).breakAfter)).toBe('avoid');
    expect(
      await page
        .locator('main p')
        .first()
        .evaluate((el) => getComputedStyle(el).breakInside),
    ).toBe('avoid');
    expect(
      await page
        .locator('.app-print-section')
        .first()
        .evaluate((el) => getComputedStyle(el).breakBefore),
    ).toBe('page');
  });

  /** The facts at the top of a printed page, by label, as they show on paper. */
  const printedFacts = () =>
    page
      .locator('main .app-print-details > div')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows
            .filter((row) => row.getClientRects().length > 0)
            .map((row) => [
              row.querySelector('dt')!.textContent!.replace(/:$/, '').trim(),
              row.querySelector('dd')!.textContent!.trim(),
            ]),
        ),
      );
  const section = spec.sections[0];
  const programme = fs
    .readdirSync(path.join(siteConfig.contentDir, 'programme'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const data = frontmatter(path.join(siteConfig.contentDir, 'programme', file));
      return { slug: file.replace(/\.md$/, ''), lastReviewed: new Date(String(data.lastReviewed)) };
    })[0];

  test('a specification section prints its address, version, dates and what the text is, without clause controls', async () => {
    await page.goto(`${server.origin}/specification/${section.slug}/`);
    expect(await printedFacts()).toEqual({
      Address: `${siteConfig.url}/specification/${section.slug}/`,
      Version: `${spec.version}, the current version: ${facts.title}`,
      'Version published': formatDate(new Date(facts.published)),
      'Date of this copy': formatDate(siteConfig.buildDate),
    });
    // The on-screen controls under each clause heading are not on paper.
    expect(await visible('main .app-clause-meta a[href^="#clause-"]')).toBe(0);
    expect(await visible('main .app-clause-meta__cite')).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/Link to clause|Cite clause/);
    // Whether it is the official text, and of which document, is on the first page.
    expect(await visible('main .app-standing')).toBe(1);
    expect(await page.locator('main .app-standing').innerText()).toContain(facts.title);
  });

  test('a bulletin prints its address, its date and the date of the copy', async () => {
    await page.goto(`${server.origin}/bulletins/${issue.id}/`);
    expect(await printedFacts()).toEqual({
      Address: `${siteConfig.url}/bulletins/${issue.id}/`,
      Published: formatDate(new Date(issue.date)),
      'Date of this copy': formatDate(siteConfig.buildDate),
    });
  });

  test('a programme page prints its address, when it was last reviewed and the date of the copy', async () => {
    await page.goto(`${server.origin}/programme/${programme.slug}/`);
    expect(await printedFacts()).toEqual({
      Address: `${siteConfig.url}/programme/${programme.slug}/`,
      'Page last reviewed': formatDate(programme.lastReviewed),
      'Date of this copy': formatDate(siteConfig.buildDate),
    });
  });

  test('the facts for paper are not on the screen', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.origin}/bulletins/${issue.id}/`);
    expect(await visible('.app-print-details')).toBe(0);
    await page.emulateMedia({ media: 'print' });
  });
});
