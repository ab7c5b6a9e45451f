import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { buildSite } from './support/build.ts';
import { builtPages } from './support/pages.ts';
import { startSite, type SiteSession } from './support/site.ts';

// A small synthetic content folder, built through CONTENT_DIR into a temporary folder (never dist/).
const CONTENT = 'e2e/fixtures/content';
let outDir: string;
let site: SiteSession;

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-fixture-site-'));
  await buildSite({ contentDir: CONTENT, outDir });
  site = await startSite(outDir);
});
afterAll(async () => {
  await site?.close();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

async function open(pathname: string): Promise<Page> {
  const page = await site.open(pathname);
  onTestFinished(() => page.close());
  return page;
}
const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

test('builds exactly the pages of the fixture content, and no draft', () => {
  expect(builtPages(outDir)).toEqual([
    '/',
    '/404.html',
    '/accessibility/',
    '/bulletins/',
    '/bulletins/2014-11/',
    '/bulletins/2015-01/',
    '/get-updates/',
    '/programme/',
    '/programme/synthetic-about/',
    '/programme/synthetic-glossary/',
    '/programme/synthetic-history/',
    '/search/',
    '/specification/',
    // The current version's permanent addresses, which citations use.
    '/specification/2020/',
    '/specification/2020/changes/',
    '/specification/2020/synthetic-scope/',
    '/specification/2020/synthetic-steps/',
    '/specification/clauses/',
    '/specification/print/',
    '/specification/synthetic-scope/',
    '/specification/synthetic-steps/',
  ]);
});

describe('bulletins', () => {
  test('each issue has its title, date and text, and links to the issues either side', async () => {
    const november = await open('/bulletins/2014-11/');
    expect(await texts(november, 'h1')).toEqual(['Synthetic bulletin: November 2014']);
    expect(await texts(november, 'main article time')).toEqual(['26 November 2014']);
    expect(await november.locator('main').textContent()).toContain('This is a synthetic bulletin');
    expect(await november.locator('a[rel="prev"]').count()).toBe(0);
    expect(await november.locator('a[rel="next"]').getAttribute('href')).toBe('/bulletins/2015-01/');

    const january = await open('/bulletins/2015-01/');
    expect(await texts(january, 'h1')).toEqual(['Synthetic bulletin: January 2015']);
    expect(await january.locator('a[rel="prev"]').getAttribute('href')).toBe('/bulletins/2014-11/');
    expect(await january.locator('a[rel="next"]').count()).toBe(0);
  });

  test('the archive groups issues by year, newest first', async () => {
    const archive = await open('/bulletins/');
    expect(await texts(archive, 'main h2')).toEqual(['2015', '2014']);
    const years = await archive
      .locator('main section')
      .evaluateAll((sections) =>
        sections.map((s) => [...s.querySelectorAll('h3 a')].map((a) => a.getAttribute('href'))),
      );
    expect(years).toEqual([['/bulletins/2015-01/'], ['/bulletins/2014-11/']]);
  });

  test('the home page shows the latest issue', async () => {
    const home = await open('/');
    expect(await home.locator('main a[href="/bulletins/2015-01/"]').textContent()).toBe(
      'Synthetic bulletin: January 2015',
    );
  });
});

describe('specification', () => {
  test('clauses get citable anchors, listed in the section’s contents', async () => {
    const section = await open('/specification/synthetic-scope/');
    expect(await texts(section, 'h1')).toEqual(['1. Synthetic scope']);
    expect(await section.locator('h2#clause-1-1').textContent()).toBe('1.1 Synthetic first clause');
    expect(await section.locator('h2#clause-1-2').textContent()).toBe('1.2 Synthetic second clause');
    expect(await section.locator('main .nhsuk-contents-list a[href="#clause-1-1"]').count()).toBe(1);
    expect(await texts(section, 'main .app-clause-meta a[href="#clause-1-1"]')).toEqual([
      'Link to clause 1.1, Synthetic first clause',
    ]);
  });

  test('the contents lists both sections in order', async () => {
    const contents = await open('/specification/');
    expect(await texts(contents, 'main ol h3 a')).toEqual(['1. Synthetic scope', '2. Synthetic steps']);
  });
});

describe('programme', () => {
  test('a historical page carries the banner with the year it describes', async () => {
    const page = await open('/programme/synthetic-history/');
    expect(await page.locator('main .nhsuk-inset-text').textContent()).toContain(
      'This page describes the programme as it was in 2012',
    );
    expect(await page.locator('main').textContent()).toContain('A synthetic event for the tests.');
  });

  test('a current page has no historical banner, and the data tables show the data files', async () => {
    const about = await open('/programme/synthetic-about/');
    const main = (await about.locator('main').textContent()) ?? '';
    expect(main).not.toContain('This page describes the programme as it was');
    expect(main).toContain('Synthetic scheme');
    // The rows are searched; the caption and column headings are not (they ran into the first row in excerpts).
    const table = about.locator('main table').first();
    expect(await table.getAttribute('data-pagefind-ignore')).toBeNull();
    expect(await table.locator('caption').getAttribute('data-pagefind-ignore')).toBe('');
    expect(await table.locator('thead').getAttribute('data-pagefind-ignore')).toBe('');
    const glossary = await open('/programme/synthetic-glossary/');
    expect(await glossary.locator('main').textContent()).toContain(
      'A made-up term that exists only in the test content.',
    );
  });
});
