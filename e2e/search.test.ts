/**
 * Search in Chromium: the real content (built in `dist/`) and a synthetic corpus
 * (`e2e/fixtures/search-corpus`, built here into a temporary folder) whose pages and headings are known.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { serveDir, type StaticServer } from './support/server.ts';
import { searchStanding } from '../src/lib/specification-standing.ts';
import { siteConfig } from '../src/site.config.ts';

const FIXTURE = 'e2e/fixtures/search-corpus';
/** Builds the synthetic corpus with the real generator into a temporary folder. */
async function buildFixture(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-fixture-'));
  await buildSite({ contentDir: FIXTURE, outDir, env: { BUILD_DATE: '2026-01-01' } });
  return outDir;
}

/** Axe's WCAG 2.2 AA findings, as lines that say what to fix (empty when there are none). */
async function axeReport(page: Page): Promise<string> {
  return formatViolations(await axeViolations(page));
}

/** Opens the search page for `query` and waits for its announced result count. */
async function search(page: Page, origin: string, query: string, params = ''): Promise<string> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}${params}`);
  return statusText(page);
}

/** The sentence in the live region, once the search has finished. */
async function statusText(page: Page, hasText?: string): Promise<string> {
  const status = page.locator('#search-status');
  await status.filter({ hasText: hasText ?? /\S/ }).waitFor();
  return (await status.textContent()) ?? '';
}

/** Paths of the result pages, in order. */
function resultPaths(page: Page): Promise<string[]> {
  return page
    .locator('.app-search-results__item h2 a')
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Anchors one result links to, in order: a clause result's own, then the other matching sections'. */
function sectionAnchors(page: Page, resultIndex: number): Promise<string[]> {
  return page
    .locator('.app-search-results__item')
    .nth(resultIndex)
    .locator('h2 a, .app-search-results__section > a')
    .evaluateAll((links) =>
      links
        .map((a) => new URL((a as HTMLAnchorElement).href).hash.split(':~:')[0])
        .filter((hash) => hash !== '' && hash !== '#'),
    );
}

/** Text of each filter checkbox's label, such as "Bulletins (2)". */
function filterLabels(page: Page, name: string): Promise<string[]> {
  return page
    .locator(`#search-filters input[name="${name}"] + label`)
    .evaluateAll((labels) => labels.map((l) => l.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
}

/** The id of the clause heading numbered `number` on the 2019 person's journey page (editors may pin their own). */
async function clauseId(page: Page, origin: string, number: string): Promise<string> {
  await page.goto(`${origin}/specification/the-persons-journey/`);
  return page.evaluate(
    (n) => [...document.querySelectorAll('h2[id]')].find((h) => h.textContent?.trim().startsWith(`${n} `))?.id ?? '',
    number,
  );
}

/** The id of the clause heading numbered `number` on a specification page. */
async function clauseIdOn(page: Page, origin: string, pagePath: string, number: string): Promise<string> {
  await page.goto(`${origin}${pagePath}`);
  return page.evaluate(
    (n) => [...document.querySelectorAll('h2[id]')].find((h) => h.textContent?.trim().startsWith(`${n} `))?.id ?? '',
    number,
  );
}

/** Waits until the browser has scrolled an element into the viewport (text fragments scroll after load). */
async function inView(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((s) => {
    const box = document.querySelector(s)!.getBoundingClientRect();
    return box.top > -2 && box.bottom <= innerHeight + 2 && scrollY > 0;
  }, selector);
}

/** Pixels of the highlight colour (NHS yellow, #ffeb3b) in an element's screenshot. */
async function highlightedPixels(page: Page, selector: string): Promise<number> {
  const png = await page.locator(selector).first().screenshot();
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 240 && data[i + 1] > 215 && data[i + 2] < 110) count++;
    return count;
  }, png.toString('base64'));
}

/**
 * What a commissioner looking for the specification's words needs from each query in issue 18's table: one of
 * these pages among the first three results (with the clause's link, where one is named), or a suggestion whose
 * search has it.
 */
const COMMISSIONER_QUERIES: { query: string; paths: string[]; anchor?: string; corrects?: string }[] = [
  { query: 'screening children police custody', paths: ['/specification/the-persons-journey/'], anchor: '5.2' },
  {
    query: 'screening children',
    paths: ['/specification/children-and-young-people/', '/specification/the-persons-journey/'],
  },
  { query: 'clause 5.2', paths: ['/specification/the-persons-journey/'], anchor: '5.2' },
  { query: '24/7', paths: ['/specification/where-and-when-it-runs/'], anchor: '4.1' },
  { query: 'screning', paths: ['/specification/the-persons-journey/'], corrects: 'screening' },
  { query: 'juvenile', paths: ['/specification/children-and-young-people/'] },
];

/** Presses `key` until `focused` is true in the page (at most 40 times); says whether it got there. */
async function pressUntil(page: Page, key: string, focused: () => boolean): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate(focused)) return true;
    await page.keyboard.press(key);
  }
  return page.evaluate(focused);
}

/**
 * Opens the search page and searches with the keyboard alone, ticking "Service specification" if `filtered`;
 * waits for the results for `shown` (what the search corrected the query to, if it did).
 */
async function searchByKeyboard(
  page: Page,
  origin: string,
  query: string,
  filtered: boolean,
  shown = query,
): Promise<void> {
  await page.goto(`${origin}/search/`);
  expect(await pressUntil(page, 'Tab', () => document.activeElement?.id === 'search-query')).toBe(true);
  await page.keyboard.type(query);
  await statusText(page, `‘${shown}’`);
  if (!filtered) return;
  const onSpecification = () => (document.activeElement as HTMLInputElement | null)?.value === 'Specification';
  expect(await pressUntil(page, 'Tab', onSpecification)).toBe(true);
  await page.keyboard.press('Space');
  await statusText(page, 'with the filters you ticked');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('search on the real content', () => {
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    server = await serveDir('dist');
    page = await browser.newPage();
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
  });

  it('finds a clause typed as its number in the current version, with a sub-result at the clause', async () => {
    expect(await search(page, server.origin, '5.2')).toMatch(/^\d+ results? for ‘5\.2’$/);
    const paths = await resultPaths(page);
    expect(paths[0]).toBe('/specification/the-persons-journey/');
    // Superseded versions are left out until their version is ticked.
    expect(paths.some((p) => p.startsWith('/specification/2014/'))).toBe(false);
    expect((await sectionAnchors(page, 0))[0]).toBe(`#${await clauseId(page, server.origin, '5.2')}`);
  });

  it('finds a programme page by a word in its heading and links to that heading', async () => {
    await search(page, server.origin, 'Bradley');
    expect((await resultPaths(page))[0]).toBe('/programme/history/');
    expect(await sectionAnchors(page, 0)).toContain('#the-bradley-review');
  });

  it('finds the bulletin by its content, with its date', async () => {
    await search(page, server.origin, 'wave 2 roll out');
    const paths = await resultPaths(page);
    expect(paths).toContain('/bulletins/2015-05/');
    const item = page.locator('.app-search-results__item').nth(paths.indexOf('/bulletins/2015-05/'));
    expect(await item.locator('.app-meta').textContent()).toBe('Bulletin, published 27 May 2015');
  });

  it('shows the current version ticked by default, adds an older one when ticked, and counts that add up', async () => {
    await search(page, server.origin, '5.2');
    expect(await page.locator('#search-filters input[name="version"][value="2019"]').isChecked()).toBe(true);
    // The versions ticked add up to the specification count; an unticked one counts what ticking it adds.
    // 2019: the section and the comparison with 2014, which cites the clause.
    expect(await filterLabels(page, 'type')).toContain('Service specification (2)');
    expect(await filterLabels(page, 'version')).toEqual(['2019 (2)', '2014 (1)']);
    expect(await page.locator('.app-search-older').textContent()).toBe(
      '1 result from older versions of the specification is hidden. Show results from every version',
    );

    await page.locator('#search-filters input[name="version"][value="2014"]').check();
    await statusText(page, 'with the filters you ticked');
    expect(await filterLabels(page, 'type')).toContain('Service specification (3)');
    expect(await page.locator('.app-search-older').count()).toBe(0);
    const older = page.locator('.app-search-results__item[data-specification-version="2014"]');
    expect(await older.getAttribute('data-superseded')).toBe('true');
    expect(await older.locator('.app-meta').textContent()).toBe(
      'Service specification 2014 (superseded), section 5: The person’s journey',
    );
    // Every specification result says whether it is the official text (issue 25), from the one setting.
    expect(await older.locator('[data-standing]').textContent()).toBe(
      searchStanding(siteConfig.specificationText, '2014'),
    );
    expect(await resultPaths(page)).toContain('/specification/2014/the-persons-journey/');
    expect(new URL(page.url()).search).toBe('?q=5.2&version=2019&version=2014');

    // Only the older version: its section, not the current one.
    await page.locator('#search-filters input[name="version"][value="2019"]').uncheck();
    await statusText(page, 'with the filters you ticked');
    const old = await resultPaths(page);
    expect(old).toContain('/specification/2014/the-persons-journey/');
    expect(old).not.toContain('/specification/the-persons-journey/');
    expect(await filterLabels(page, 'type')).toContain('Service specification (1)');

    await page.locator('#search-filters input[name="version"][value="2014"]').uncheck();
    await page.locator('#search-filters input[name="type"][value="Programme"]').check();
    await statusText(page, 'with the filters you ticked');
    const programme = await resultPaths(page);
    expect(programme.length).toBeGreaterThan(0);
    expect(programme.every((p) => p.startsWith('/programme/'))).toBe(true);
  });

  it('opens a clause at the top of the window, its heading highlighted, without script', async () => {
    const id = await clauseId(page, server.origin, '5.2');
    for (const [query, width, height] of [
      ['5.2', 1280, 720],
      ['screening', 1280, 720],
      ['screening', 390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await search(page, server.origin, query);
      const journey = (await resultPaths(page)).indexOf('/specification/the-persons-journey/');
      const link = page.locator('.app-search-results__item').nth(journey).locator(`a[href$="#${id}"]`);
      await link.click();
      await page.waitForURL(/\/specification\/the-persons-journey\//);
      expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
      await page.waitForFunction(
        (s) => Math.abs(document.querySelector(s)!.getBoundingClientRect().top) < 40,
        `#${id}`,
      );
      expect(await highlightedPixels(page, `#${id}`)).toBeGreaterThan(50);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('shows more results from the keyboard, moving focus to the first new one', async () => {
    await search(page, server.origin, 'liaison');
    // Ten pages; a glossary page shows as one result per matching term, so there may be a few more items.
    const before = await page.locator('.app-search-results__item').count();
    expect(before).toBeGreaterThanOrEqual(10);
    await page.getByRole('button', { name: /^Show \d+ more$/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.app-search-results__item').nth(before).waitFor();
    expect(
      await page.evaluate(
        (n) => document.activeElement === document.querySelectorAll('.app-search-results h2 a')[n],
        before,
      ),
    ).toBe(true);
  });

  describe('finds what a commissioner types (issue 18), with the keyboard alone', () => {
    for (const filtered of [false, true]) {
      for (const needed of COMMISSIONER_QUERIES) {
        it(`‘${needed.query}’${filtered ? ', filtered to the specification' : ''}`, async () => {
          await searchByKeyboard(page, server.origin, needed.query, filtered, needed.corrects);
          if (needed.corrects) {
            // The search corrects the misspelling itself, says so, and offers the search as typed.
            expect(await page.locator('.app-search-corrected').textContent()).toBe(
              `Showing results for ${needed.corrects}. Search instead for ${needed.query}`,
            );
            expect(await statusText(page)).toContain(`‘${needed.corrects}’`);
          }
          const top = (await resultPaths(page)).slice(0, 3);
          const index = top.findIndex((p) => needed.paths.includes(p));
          expect(index, `first ${top.length}: ${top.join(', ')}`).toBeGreaterThanOrEqual(0);
          if (needed.anchor) {
            const id = await page.evaluate(() => location.href);
            const anchors = await sectionAnchors(page, index);
            const clause = await clauseIdOn(page, server.origin, top[index], needed.anchor);
            await page.goto(id);
            expect(anchors).toContain(`#${clause}`);
          }
        });
      }
    }

    it('puts clause 5.2 first however it is written', async () => {
      for (const typed of ['clause 5.2', 'section 5.2', '5.2', 'cl. 5.2', '§5.2']) {
        await search(page, server.origin, typed);
        expect((await resultPaths(page))[0], typed).toBe('/specification/the-persons-journey/');
        expect((await sectionAnchors(page, 0))[0], typed).toBe('#clause-screening');
      }
      await search(page, server.origin, 'section 5');
      expect((await resultPaths(page))[0]).toBe('/specification/the-persons-journey/');
    });

    it('says which synonyms it also searched for', async () => {
      await search(page, server.origin, 'juvenile');
      expect(await page.locator('.app-search-also').textContent()).toBe(
        'Also searched for: children and young people.',
      );
    });
  });

  it('passes axe in each results state: all words, some words, a correction, nothing at all', async () => {
    const states = [
      ['24/7', '', '.app-search-results__item'],
      ['screening xylophonic', '&type=Specification', '.app-search-fewer'],
      ['screning', '', '.app-search-corrected'],
      ['xylophonic', '', '.app-search-none'],
    ] as const;
    for (const [query, params, shows] of states) {
      await search(page, server.origin, query, params);
      expect(await page.locator(shows).count(), query).toBeGreaterThan(0);
      expect(await axeReport(page), query).toBe('');
    }
  });

  it('passes axe (WCAG 2.2 AA) with results, sub-results and filters on screen', async () => {
    await search(page, server.origin, 'screening');
    await page.locator('#search-filters input[name="type"][value="Specification"]').check();
    await statusText(page, 'with the filters you ticked');
    expect(await page.locator('.app-search-results__section').count()).toBeGreaterThan(0);
    expect(await axeReport(page)).toBe('');
  });

  it('passes axe with the no-results message on screen', async () => {
    expect(await search(page, server.origin, 'xylophonic')).toBe('No results for ‘xylophonic’');
    expect(await page.locator('.app-search-none').textContent()).toContain('searching for a clause by its number');
    expect(await page.locator('.app-search-none a[href="/specification/"]').count()).toBe(1);
    expect(await page.locator('.app-search-none a[href="/specification/clauses/"]').count()).toBe(1);
    expect(await axeReport(page)).toBe('');
  });

  it('says search is not working, and where else to look, when the index cannot be loaded', async () => {
    const context = await browser.newContext();
    const broken = await context.newPage();
    await broken.route('**/pagefind/**', (route) => route.abort());
    await broken.goto(`${server.origin}/search/?q=screening`);
    await broken.getByText('Search is not working at the moment').waitFor();
    expect(await broken.locator('#search-ui').isVisible()).toBe(false);
    expect(await broken.locator('#search-unavailable a[href="/bulletins/"]').isVisible()).toBe(true);
    await context.close();
  });

  it('without JavaScript, says search needs it and links to the contents and the archive', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.origin}/search/?q=screening`);
    expect(await noJs.getByText('Search needs JavaScript').isVisible()).toBe(true);
    expect(await noJs.locator('.app-search-nojs a[href="/specification/"]').isVisible()).toBe(true);
    expect(await noJs.locator('.app-search-nojs a[href="/bulletins/"]').isVisible()).toBe(true);
    expect(await noJs.locator('#search-ui').isVisible()).toBe(false);
    // One click to an index of every clause, which works without script.
    await noJs.locator('.app-search-nojs a[href="/specification/clauses/"]').click();
    await noJs.waitForURL(/\/specification\/clauses\/$/);
    expect(await noJs.locator('#by-section + h3').textContent()).toMatch(/^1\. /);
    await context.close();

    // Axe needs script, so check the same view with script on: the help shown, the form hidden.
    await page.goto(`${server.origin}/search/`);
    await page.addStyleTag({
      content: '.app-search-nojs { display: block !important } #search-ui { display: none !important }',
    });
    expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
    expect(await axeReport(page)).toBe('');
  });
});

describe('search on a synthetic corpus', () => {
  let outDir: string;
  let server: StaticServer;
  let page: Page;
  beforeAll(async () => {
    outDir = await buildFixture();
    server = await serveDir(outDir);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await page?.close();
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('indexes only the content pages, not the search, accessibility, listing or 404 pages', async () => {
    const entry = JSON.parse(fs.readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    // 3 bulletins, 1 programme page, 3 specification sections, the comparison of 2019 with 2014.
    expect(entry.languages.en.page_count).toBe(8);
    // Words only on the accessibility statement and the 404 page.
    expect(await search(page, server.origin, 'Equality')).toBe('No results for ‘Equality’');
    expect(await search(page, server.origin, 'pasted')).toBe('No results for ‘pasted’');
  });

  it('finds the known pages for a query and counts them by filter value', async () => {
    expect(await search(page, server.origin, 'zephyr')).toBe('3 results for ‘zephyr’');
    expect((await resultPaths(page)).sort()).toEqual([
      '/bulletins/2016-03/',
      '/bulletins/2017-06/',
      '/programme/synthetic-guide/',
    ]);
    expect(await filterLabels(page, 'type')).toEqual([
      'Bulletins (2)',
      'Programme pages (1)',
      'Service specification (0)',
    ]);
    expect(await filterLabels(page, 'year')).toEqual(['2017 (1)', '2016 (1)']);
    expect(await page.locator('.app-search-results mark').first().textContent()).toMatch(/^zephyr$/i);
  });

  it('narrows by type, then by year, keeping counts for the other values', async () => {
    await search(page, server.origin, 'zephyr');
    await page.locator('#search-filters input[name="type"][value="Bulletin"]').check();
    expect(await statusText(page, '2 results')).toBe('2 results for ‘zephyr’ with the filters you ticked');
    expect((await resultPaths(page)).sort()).toEqual(['/bulletins/2016-03/', '/bulletins/2017-06/']);
    expect(await filterLabels(page, 'type')).toEqual([
      'Bulletins (2)',
      'Programme pages (1)',
      'Service specification (0)',
    ]);

    await page.locator('#search-filters input[name="year"][value="2017"]').check();
    await statusText(page, '1 result');
    expect(await resultPaths(page)).toEqual(['/bulletins/2017-06/']);
    expect(await filterLabels(page, 'year')).toEqual(['2017 (1)', '2016 (1)']);
    expect(new URL(page.url()).search).toBe('?q=zephyr&type=Bulletin&year=2017');
  });

  it('narrows by specification version', async () => {
    // The section, and the comparison of versions that shows its words.
    expect(await search(page, server.origin, 'quillwork')).toBe('2 results for ‘quillwork’');
    expect(await resultPaths(page)).toEqual(['/specification/triage/', '/specification/2019/changes/']);
    await page.locator('#search-filters input[name="version"][value="2014"]').check();
    await statusText(page, '3 results');
    await page.locator('#search-filters input[name="version"][value="2019"]').uncheck();
    await statusText(page, '1 result');
    expect(await resultPaths(page)).toEqual(['/specification/2014/triage/']);
    expect(await page.locator('.app-search-results__item .app-meta').textContent()).toMatch(
      /^Service specification 2014 \(superseded\)/,
    );
    // No version ticked: every version.
    await page.locator('#search-filters input[name="version"][value="2014"]').uncheck();
    await statusText(page, '3 results');
    expect(new URL(page.url()).search).toBe('?q=quillwork&version=all');
  });

  it('also searches for the synonyms the content folder lists, and says so', async () => {
    expect(await search(page, server.origin, 'featherpen')).toBe('2 results for ‘featherpen’');
    expect((await resultPaths(page))[0]).toBe('/specification/triage/');
    expect(await page.locator('.app-search-also').textContent()).toBe('Also searched for: quillwork.');
  });

  it('lists pages with some of the words below those with all of them', async () => {
    await search(page, server.origin, 'zephyr kestrel');
    const all = await resultPaths(page);
    expect(all[0]).toBe('/bulletins/2017-06/');
    expect(await page.locator('.app-search-fewer').textContent()).toBe('These results contain some of your words:');
    expect(all.slice(1).sort()).toEqual(['/bulletins/2016-03/', '/bulletins/2017-11/', '/programme/synthetic-guide/']);
  });

  it('corrects a misspelling that finds nothing, says so, and can search exactly what was typed', async () => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    expect(await search(page, server.origin, 'zehpyr')).toBe('3 results for ‘zephyr’');
    expect(await page.locator('.app-search-corrected').textContent()).toBe(
      'Showing results for zephyr. Search instead for zehpyr',
    );
    expect(fetched).toContain('/search-words.txt');
    await page.locator('.app-search-corrected a').click();
    expect(await statusText(page, 'No results')).toBe('No results for ‘zehpyr’');
    expect(await page.locator('.app-search-corrected, .app-search-suggestion').count()).toBe(0);
    page.removeAllListeners('request');
  });

  it('never requires, highlights or suggests a stop word, and says which words nothing matches', async () => {
    expect(await search(page, server.origin, 'the zephyr')).toBe('3 results for ‘the zephyr’');
    const marked = await page.locator('.app-search-results mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => /^zephyr$/i.test(word))).toBe(true);
    // A real word the site does not have is not swapped for one it has.
    await search(page, server.origin, 'zephyr pays');
    expect(await page.locator('.app-search-fewer').textContent()).toBe(
      'Nothing on this site matches pays. No page contains all of your words. These results contain some of them:',
    );
    expect(await page.locator('.app-search-suggestion, .app-search-corrected').count()).toBe(0);
  });

  it('highlights matched words in a colour apart from the keyboard focus yellow', async () => {
    await search(page, server.origin, 'zephyr');
    const mark = await page
      .locator('.app-search-results mark')
      .first()
      .evaluate((m) => getComputedStyle(m).backgroundColor);
    expect(mark).not.toBe('rgb(255, 235, 59)');
    const [r, g, b] = (mark.match(/\d+/g) ?? []).map(Number);
    // Far from yellow (#ffeb3b): blue well above red's share, not a yellow with another shade.
    expect(b).toBeGreaterThan(200);
    expect(b - r).toBeGreaterThan(20);
    expect(await highlightedPixels(page, '.app-search-results')).toBe(0);
    expect(g).toBeGreaterThan(0);
  });

  it('fetches nothing for search before the reader types', async () => {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    const fetched: string[] = [];
    fresh.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await fresh.goto(`${server.origin}/search/`);
    await fresh.locator('#search-filters input').first().waitFor();
    expect(fetched.filter((p) => p === '/search-words.txt' || p.endsWith('.pf_fragment'))).toEqual([]);
    await context.close();
  });

  it('finds clause 3.2 by its number above a section that only cites it, and tells 3.1 from 3.10', async () => {
    await search(page, server.origin, '3.2');
    const paths = await resultPaths(page);
    expect(paths[0]).toBe('/specification/triage/');
    expect((await sectionAnchors(page, 0))[0]).toBe('#clause-3-2');
    expect(paths.indexOf('/specification/follow-up/')).toBeGreaterThan(0);

    await search(page, server.origin, '3.10');
    expect((await resultPaths(page))[0]).toBe('/specification/triage/');
    expect((await sectionAnchors(page, 0))[0]).toBe('#clause-3-10');

    await search(page, server.origin, '3.1');
    expect((await sectionAnchors(page, 0))[0]).toBe('#clause-3-1');
  });

  it('opens a bulletin sub-result at its heading', async () => {
    await search(page, server.origin, 'kestrel');
    const index = (await resultPaths(page)).indexOf('/bulletins/2017-06/');
    expect(await sectionAnchors(page, index)).toEqual(['#kestrel-training-days']);
    await page.locator('.app-search-results__item').nth(index).locator('.app-search-results__section > a').click();
    await page.waitForURL(/\/bulletins\/2017-06\//);
    expect(await page.evaluate(() => location.hash)).toBe('#kestrel-training-days');
    // The browser scrolls to the matched word in the text and highlights it there.
    await inView(page, '#kestrel-training-days + p');
    expect(await highlightedPixels(page, '#kestrel-training-days + p')).toBeGreaterThan(50);
  });

  it('sorts newest first by date', async () => {
    await search(page, server.origin, 'zephyr');
    await page.locator('#search-sort').selectOption('date');
    await page.waitForURL(/sort=date/);
    await statusText(page);
    expect(await resultPaths(page)).toEqual([
      '/programme/synthetic-guide/',
      '/bulletins/2017-06/',
      '/bulletins/2016-03/',
    ]);
  });

  it('keeps the search in the URL as you type, so reloading and Back work', async () => {
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search-query').fill('zephyr');
    await statusText(page, '3 results');
    expect(new URL(page.url()).search).toBe('?q=zephyr');
    expect(await page.title()).toMatch(/^zephyr – Search/);

    await page.locator('#search-filters input[name="type"][value="Programme"]').check();
    await statusText(page, '1 result');
    expect(new URL(page.url()).search).toBe('?q=zephyr&type=Programme');

    await page.goBack();
    await statusText(page, '3 results');
    expect(new URL(page.url()).search).toBe('?q=zephyr');
    expect(await page.locator('#search-filters input[value="Programme"]').isChecked()).toBe(false);

    await page.reload();
    expect(await statusText(page)).toBe('3 results for ‘zephyr’');
    expect(await page.locator('#search-query').inputValue()).toBe('zephyr');
  });

  it('can be used with the keyboard alone', async () => {
    await page.goto(`${server.origin}/search/`);
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let i = 0; i < 20 && (await focused()) !== 'search-query'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('search-query');
    await page.keyboard.type('zephyr');
    await statusText(page, '3 results');

    // Tab on to the Bulletins filter and tick it with the space bar.
    const onBulletins = () => page.evaluate(() => (document.activeElement as HTMLInputElement).value === 'Bulletin');
    for (let i = 0; i < 30 && !(await onBulletins()); i++) await page.keyboard.press('Tab');
    expect(await onBulletins()).toBe(true);
    await page.keyboard.press('Space');
    await statusText(page, '2 results');

    // Back to the first result, and open it with Enter.
    const first = (await resultPaths(page))[0];
    const onFirst = () =>
      page.evaluate(() => document.activeElement === document.querySelector('.app-search-results h2 a'));
    for (let i = 0; i < 30 && !(await onFirst()); i++) await page.keyboard.press('Shift+Tab');
    expect(await onFirst()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === first);
  });

  it('passes axe with results on screen', async () => {
    await search(page, server.origin, 'kestrel');
    expect(await axeReport(page)).toBe('');
  });
});
