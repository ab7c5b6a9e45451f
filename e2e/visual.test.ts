/**
 * What a reader sees: every page template as screenshots at 320, 768 and 1280 CSS pixels compared with
 * committed reference images (e2e/visual/), and the checks a screenshot cannot make: the font, 200 % zoom
 * with WCAG 1.4.12 text spacing, forced colours, visible focus, and the printed pages.
 *
 * The pages come from synthetic content (fixtures/visual/, built here into a temporary folder with a
 * fixed BUILD_DATE), so editors' changes to content/ never change a screenshot. After an intended change
 * of look, `npm run test:visual:update` rewrites the references: look at them before committing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { droppedClasses } from './support/css-classes.ts';
import { builtPages } from './support/pages.ts';
import { serveDir, type StaticServer } from './support/server.ts';
import { compareWithReference, screenshot, settle } from './support/visual.ts';
import { clippedOrOverlapping, focusChanges, TEXT_SPACING_CSS } from './support/visual-checks.ts';

const FIXTURE = 'e2e/fixtures/visual';
/** Chromium draws text the same way on every machine: no hinting or sub-pixel colour, sRGB, no scrollbars. */
const RENDERING_ARGS = [
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
  '--hide-scrollbars',
];
/** Phone, tablet and desktop, with a viewport tall enough for each template's first screen. */
const WIDTHS = [
  { width: 320, height: 568 },
  { width: 768, height: 800 },
  { width: 1280, height: 720 },
];
const NHSUK_FONT = 'arial, sans-serif';
/** The fixture's public address, the same on every run; the browser is sent to the test server for it. */
const SITE_URL = 'https://visual-tests.example';

/** One page of each template. `ready` is what shows the page has finished; `full` takes the whole page. */
interface Template {
  name: string;
  path: string;
  ready?: string;
  full?: boolean;
  javaScript?: boolean;
}

const TEMPLATES: Template[] = [
  { name: 'home', path: '/' },
  { name: 'programme-current', path: '/programme/synthetic-current/' },
  { name: 'programme-historical', path: '/programme/synthetic-history/' },
  { name: 'specification-contents', path: '/specification/' },
  { name: 'specification-section', path: '/specification/synthetic-referral/' },
  { name: 'specification-superseded', path: '/specification/2018/synthetic-referral/' },
  { name: 'specification-changes', path: '/specification/2020/changes/' },
  { name: 'specification-print', path: '/specification/print/' },
  { name: 'archive', path: '/bulletins/' },
  { name: 'bulletin-open', path: '/bulletins/2020-05/' },
  { name: 'bulletin-closed', path: '/bulletins/2020-03/' },
  // The search page shows its results and filters below the form, so it is taken whole.
  { name: 'search-results', path: '/search/?q=contact', ready: '.app-search-results__item', full: true },
  { name: 'search-none', path: '/search/?q=zzyzx', ready: '.app-search-none', full: true },
  { name: 'search-no-javascript', path: '/search/', javaScript: false },
  { name: 'not-found', path: '/no-such-page/' },
  { name: 'accessibility', path: '/accessibility/' },
  { name: 'email-edition', path: '/bulletins/2020-05/email.html' },
];

let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'visual-site-'));
  [, browser] = await Promise.all([
    buildSite({ contentDir: FIXTURE, outDir: site, env: { BUILD_DATE: '2020-06-01', SITE_URL } }),
    launchBrowser(RENDERING_ARGS),
  ]);
  server = await serveDir(site);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

/** Opens `template` in a fresh context (404 answers included) and waits until it has finished. */
async function open(template: Template, options: BrowserContextOptions = {}, extraCss = ''): Promise<Page> {
  const page = await browser.newPage({
    reducedMotion: 'reduce',
    javaScriptEnabled: template.javaScript ?? true,
    ...options,
  });
  if (extraCss) await addToStylesheet(page, extraCss);
  // The email edition's addresses are absolute (its logo, for one).
  await page.route(`${SITE_URL}/**`, async (route) =>
    route.fulfill({ response: await route.fetch({ url: route.request().url().replace(SITE_URL, server.origin) }) }),
  );
  await page.goto(new URL(template.path, server.origin).href, { waitUntil: 'load' });
  if (template.ready) await page.locator(template.ready).first().waitFor();
  await settle(page);
  return page;
}

/**
 * Adds `css` to the end of the site's main stylesheet as the page loads it: as if the site's own styles
 * said so (a style element would not do: the tests also look at pages without JavaScript).
 */
async function addToStylesheet(page: Page, css: string): Promise<void> {
  await page.route(/\/_astro\/Base\.[^/]+\.css$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n${css}` });
  });
}

/** Screenshots `template` and compares it with its reference; closes the page. */
async function matchesReference(template: Template, name: string, options: BrowserContextOptions): Promise<void> {
  const page = await open(template, options);
  try {
    expect(compareWithReference(name, await screenshot(page, template.full)).problem).toBeUndefined();
  } finally {
    await page.close();
  }
}

describe('each template looks as its reference image', () => {
  for (const viewport of WIDTHS) {
    it.each(TEMPLATES)(`$name at ${viewport.width}px`, (template) =>
      matchesReference(template, `${template.name}-${viewport.width}`, { viewport }),
    );
  }

  it('fails when a stylesheet changes how a page looks', async () => {
    // The same page, with one rule changed in the built stylesheet as a careless edit would.
    const page = await open(TEMPLATES[0], { viewport: WIDTHS[2] }, '.nhsuk-header{padding-bottom:6px}');
    const { problem, differentPixels } = compareWithReference('home-1280', await screenshot(page), {
      update: false,
      saveAs: 'broken-style-home-1280',
    });
    await page.close();
    expect(problem).toMatch(/differ from e2e\/visual\/home-1280\.png/);
    expect(differentPixels).toBeGreaterThan(1000);
  });
});

describe('what a screenshot cannot show', () => {
  it('sets body text, headings and form controls in the NHS.UK font stack on every page', async () => {
    const page = await browser.newPage();
    const wrong: string[] = [];
    for (const pathname of builtPages(site).filter((p) => p !== '/404.html')) {
      await page.goto(new URL(pathname, server.origin).href);
      const fonts = await page.evaluate(() =>
        [...document.querySelectorAll('body, h1, h2, h3, p, li, td, th, input, select, button, label')].map(
          (element) => `${element.tagName.toLowerCase()}: ${getComputedStyle(element).fontFamily}`,
        ),
      );
      for (const font of new Set(fonts)) if (!font.endsWith(`: ${NHSUK_FONT}`)) wrong.push(`${pathname} ${font}`);
    }
    await page.close();
    expect(wrong).toEqual([]);
  });

  it('clips and overlaps nothing at 200 % zoom with WCAG 1.4.12 text spacing', async () => {
    const problems: string[] = [];
    for (const template of TEMPLATES.filter((t) => t.name !== 'email-edition')) {
      // 200 % zoom of a 1280px window is a 640 CSS pixel viewport with the same text sizes.
      const page = await open(template, { viewport: { width: 640, height: 900 } }, TEXT_SPACING_CSS);
      problems.push(...(await clippedOrOverlapping(page)).map((problem) => `${template.path}: ${problem}`));
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('keeps links, focus, header, buttons, redlines and filters visible in forced colours', async () => {
    const forced = { viewport: WIDTHS[2], forcedColors: 'active' as const };
    for (const name of ['home', 'specification-changes', 'search-results', 'bulletin-open']) {
      // Whole pages, so the redlines and the filters are in the picture.
      const template = { ...TEMPLATES.find((t) => t.name === name)!, full: true };
      await matchesReference(template, `forced-colours-${name}`, forced);
    }
    // Without colour, deletions are struck through and insertions underlined.
    const page = await open(
      TEMPLATES.find((t) => t.name === 'specification-changes')!,
      forced,
    );
    const lines = await page.evaluate(() =>
      ['.app-redline__deleted', '.app-redline__inserted'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).textDecorationLine,
      ),
    );
    await page.close();
    expect(lines).toEqual(['line-through', 'underline']);
  });

  it('shows where the focus is on every link, button and field of each template', async () => {
    const unmarked: string[] = [];
    for (const template of TEMPLATES.filter((t) => t.name !== 'email-edition')) {
      const page = await open(template, { viewport: WIDTHS[2] });
      unmarked.push(...(await focusChanges(page)).map((element) => `${template.path}: ${element}`));
      await page.close();
    }
    expect(unmarked).toEqual([]);
  });

  it('prints a bulletin, a programme page, a specification section and the whole specification as their reference images', async () => {
    for (const [name, pathname] of [
      ['print-bulletin', '/bulletins/2020-05/'],
      ['print-programme', '/programme/synthetic-current/'],
      ['print-section', '/specification/synthetic-referral/'],
      ['print-specification', '/specification/print/'],
    ]) {
      const page = await open({ name, path: pathname });
      const pdf = path.join(site, `${name}.pdf`);
      await page.pdf({ path: pdf, format: 'A4', printBackground: false });
      await page.close();
      // The first two pages at 50 dots per inch: enough to see layout, small enough to commit.
      execFileSync('pdftoppm', ['-r', '50', '-l', '2', '-png', pdf, path.join(site, name)]);
      const images = fs.readdirSync(site).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'));
      expect(images.length).toBeGreaterThan(0);
      for (const image of images.sort()) {
        const sheet = image.replace(/-0*(\d+)\.png$/, '-page-$1');
        expect(compareWithReference(sheet, fs.readFileSync(path.join(site, image))).problem).toBeUndefined();
      }
    }
  });

  it('keeps the CSS rules of every class the built pages use', async () => {
    expect(await droppedClasses(site)).toEqual([]);
  });
});
