/**
 * The preview is the page (issue 26): an issue written into a temporary clone of `fixtures/content/` with a
 * table, a clause link, a picture, allowlisted HTML and a call to action, opened in
 * the CMS under `npm run edit`; its preview's article is then compared, in Chromium, with the article of
 * the page a build of the same content makes: the same normalised HTML, and the same computed styles of
 * its table, headings, picture and call-to-action box. The entry is synthetic and lives only in the clone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { fixtureRepo, git, signIn, startEditor, type Editor, uploadImage } from './support/editor.ts';
import { serveDir, type StaticServer } from './support/server.ts';

const BUILD_DATE = '2015-06-01';
/** Screenshots of the preview and of the built page, to look at side by side. */
const SHOTS = path.resolve('test-results/cms-preview');
const ISSUE = [
  '---',
  'title: "Synthetic Bulletin: May 2015"',
  'date: 2015-05-27',
  'summary: "A synthetic issue written by the preview test."',
  'callToAction:',
  '  title: "Synthetic survey"',
  '  text: "Tell us what you think of this synthetic issue."',
  '  closes: 2015-05-30',
  '---',
  '',
  '## What changed',
  '',
  'The first step is described in [clause 2.1](/specification/synthetic-steps/#clause-2-1).',
  '',
  '| Wave | Synthetic schemes | Started |',
  '| ---- | ----------------- | ------: |',
  '| 1    | 10                | 2014    |',
  '| 2    | 15                | 2015    |',
  '',
  '![Synthetic map of the test schemes](./images/synthetic-map.png)',
  '',
  '### Notes',
  '',
  '<details><summary>How the synthetic figures were made</summary><p>By the test, with <abbr title="Liaison and Diversion">L&amp;D</abbr> in mind.</p></details>',
  '',
].join('\n');

let repo: string;
let editor: Editor;
let browser: Browser;
let out: string;
let site: StaticServer | undefined;

beforeAll(async () => {
  repo = fixtureRepo('e2e/fixtures/content');
  fs.mkdirSync(path.join(repo, 'content/bulletins/images'), { recursive: true });
  fs.copyFileSync(
    'public/assets/images/nhsuk-icon-180.png',
    path.join(repo, 'content/bulletins/images/synthetic-map.png'),
  );
  fs.writeFileSync(path.join(repo, 'content/bulletins/2015-05.md'), ISSUE);
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Synthetic issue for the preview test');
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-cms-preview-build-'));
  [editor, browser] = await Promise.all([startEditor(repo, { BUILD_DATE }), launchBrowser()]);
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
  await editor?.stop();
  for (const dir of [repo, out]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * An element's markup as a comparable text: tags with their attributes sorted, text with its white space
 * collapsed, the page's own furniture after the entry (pagination) left out, and each picture's address
 * reduced to the fact that it is an optimised WebP (the dev server and the build name the file differently).
 */
const normalise = (_body: Element, selector: string) => {
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const element = node as Element;
    if (element.matches('nav.nhsuk-pagination')) return '';
    const attributes = [...element.attributes]
      .map((a) => {
        if (element.tagName === 'IMG' && a.name === 'src')
          return `src=${/(\.webp|f=webp)/.test(a.value) ? 'WEBP' : a.value}`;
        return `${a.name}=${JSON.stringify(a.value)}`;
      })
      .sort();
    const children = [...element.childNodes].map(walk).join('');
    return `<${element.tagName.toLowerCase()}${attributes.map((a) => ` ${a}`).join('')}>${children}</${element.tagName.toLowerCase()}>`;
  };
  const root = document.querySelector(selector);
  return root ? walk(root).replace(/>\s+</g, '><').replace(/\s+</g, '<').replace(/>\s+/g, '>') : null;
};

/** The computed styles that make the look of each element each selector finds. */
const styles = (_body: Element, selectors: string[]) =>
  selectors.map((selector) =>
    [...document.querySelectorAll(selector)].map((element) => {
      const style = getComputedStyle(element);
      return Object.fromEntries(
        [
          'font-family',
          'font-size',
          'font-weight',
          'line-height',
          'color',
          'background-color',
          'margin-top',
          'margin-bottom',
          'padding-top',
          'padding-left',
          'border-bottom-width',
          'border-bottom-style',
          'width',
          'display',
        ]
          // Lengths to a tenth of a pixel: the dev server's CSS and the built, minified CSS can differ in the
          // last digit of a computed value (32.9999px and 33px).
          .map((name) => [
            name,
            style.getPropertyValue(name).replace(/\d+\.\d+px/g, (px) => `${Math.round(parseFloat(px) * 10) / 10}px`),
          ]),
      );
    }),
  );

const LOOKED_AT = ['h1', 'h2', 'h3', 'p', 'table', 'th', 'td', 'img', '[data-call-to-action]', 'details', 'p > a'];

describe('the CMS preview is the page', () => {
  it('shows the entry as its built page does: the same article, and the same styles of its parts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, editor.origin);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/entries/2015-05`);
    // Decap draws the preview in an iframe, styled with the site's CSS once that has loaded.
    const frame = page.frameLocator('iframe').first();
    const state = frame.locator('[data-preview-state]');
    await expect.poll(() => state.getAttribute('data-preview-state'), { timeout: 30_000 }).toBe('page');
    const body = frame.locator('body');
    await expect
      .poll(() => frame.locator('[data-preview-page] h1').evaluate((h1) => getComputedStyle(h1).fontFamily), {
        timeout: 60_000,
      })
      .toMatch(/arial/i);
    // And its picture, from the dev server's image service (loaded lazily, as on the page: once in view).
    await frame.locator('[data-preview-page] img').scrollIntoViewIfNeeded();
    await expect
      .poll(() => frame.locator('[data-preview-page] img').evaluate((img: HTMLImageElement) => img.naturalWidth), {
        timeout: 30_000,
      })
      .toBe(180);
    // The call to action, said in words: open on the issue's date, closed today (the build date).
    expect(await frame.locator('[data-call-to-action-note]').allTextContents()).toEqual([
      'On the issue’s date (27 May 2015) readers see the call to action open:',
      'Today (1 June 2015, the date the site is built) readers see it closed:',
    ]);
    const previewArticle = await body.evaluate(normalise, '[data-preview-page] > article');
    const frameWidth = await body.evaluate(() => document.documentElement.clientWidth);
    const previewStyles = await body.evaluate(
      styles,
      LOOKED_AT.map((s) => `[data-preview-page] > article ${s}`),
    );

    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'preview.png') });

    // Typing: the preview says it is out of date until the page is drawn again, then shows the change.
    const title = page.getByLabel('Title', { exact: true }).first();
    await title.fill('Synthetic Bulletin: May 2015, changed');
    await expect.poll(() => state.getAttribute('data-preview-state')).toBe('stale');
    await expect
      .poll(() => frame.locator('[data-preview-page] h1').textContent(), { timeout: 15_000 })
      .toBe('Synthetic Bulletin: May 2015, changed');
    expect(await state.getAttribute('data-preview-state')).toBe('page');

    // A picture uploaded in the form but not yet published: the page's markup, the CMS's own copy of the file.
    await uploadImage(page, 'synthetic-upload.png', 'public/assets/images/nhsuk-icon-192.png');
    await page.getByLabel('Alt Text').last().fill('Synthetic uploaded picture');
    const uploaded = frame.locator('[data-preview-page] img[alt="Synthetic uploaded picture"]');
    await expect.poll(() => uploaded.count(), { timeout: 15_000 }).toBe(1);
    expect(await uploaded.getAttribute('data-preview-asset')).toMatch(/synthetic-upload\.png$/);
    // The preview is drawn again as the form settles (the alt text, the check's answer): each try finds the
    // picture anew rather than holding one that a later drawing replaced.
    await expect
      .poll(
        () =>
          uploaded.evaluate((img: HTMLImageElement) => {
            img.scrollIntoView();
            return img.naturalWidth;
          }),
        { timeout: 15_000 },
      )
      .toBe(192);

    // HTML the site does not allow reaches the preview as it reaches the page: not at all. Asked as the
    // admin page asks (the check already refuses such an entry, so it is never saved here).
    const hostile = await page.evaluate(
      async (raw) =>
        (await (
          await fetch('/admin/preview.json', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ path: 'content/bulletins/2015-05.md', raw }),
          })
        ).json()) as { html: string },
      `${ISSUE}\n<p onclick="alert(1)">Synthetic handler.</p><script>alert(2)</script><iframe src="https://example.invalid/"></iframe>\n`,
    );
    expect(hostile.html).toContain('<p>Synthetic handler.</p>');
    expect(hostile.html).not.toMatch(/onclick|<script|<iframe|alert/);
    await page.close();

    await buildSite({ contentDir: path.join(repo, 'content'), outDir: out, env: { BUILD_DATE } });
    site = await serveDir(out);
    // The page at the preview pane's width, so that the same CSS breakpoints apply.
    const built = await browser.newPage({ viewport: { width: frameWidth, height: 900 } });
    await built.goto(`${site.origin}/bulletins/2015-05/`);
    await built.locator('main article img').scrollIntoViewIfNeeded();
    await expect
      .poll(() => built.locator('main article img').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBe(180);
    await built.screenshot({ path: path.join(SHOTS, 'built.png'), fullPage: true });
    const builtArticle = await built.locator('body').evaluate(normalise, 'main article');
    const builtStyles = await built.locator('body').evaluate(
      styles,
      LOOKED_AT.map((s) => `main article ${s}`),
    );
    await built.close();

    expect(builtArticle).toContain('<table>');
    expect(builtArticle).toContain('href="/specification/synthetic-steps/#clause-2-1"');
    expect(builtArticle).toContain('src=WEBP');
    expect(builtArticle).toContain('<abbr title="Liaison and Diversion">');
    expect(builtArticle).toContain('data-call-to-action="closed"');
    expect(builtArticle).not.toMatch(/onclick|<script|alert/);
    expect(previewArticle).toBe(builtArticle);
    // Each selector finds its elements on the page, styled alike in the preview.
    expect(builtStyles.every((found) => found.length > 0)).toBe(true);
    expect(Object.fromEntries(LOOKED_AT.map((s, i) => [s, previewStyles[i]]))).toEqual(
      Object.fromEntries(LOOKED_AT.map((s, i) => [s, builtStyles[i]])),
    );
  });

  it('without a dev server to draw it (the hosted CMS), says the preview is approximate and where the real page is', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // As on a static host, where /admin/ has no such route.
    await page.route('**/admin/preview.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await signIn(page, editor.origin);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/entries/2015-05`);
    const frame = page.frameLocator('iframe').first();
    const state = frame.locator('[data-preview-state]');
    await expect.poll(() => state.getAttribute('data-preview-state'), { timeout: 30_000 }).toBe('approximate');
    const said = (await state.textContent()) ?? '';
    expect(said).toContain('This preview is approximate');
    expect(said).toContain('npm run edit');
    expect(said).toContain('on the live site once it is published');
    // Decap's own drawing of the text stays, marked as such; no page is claimed.
    expect(await frame.locator('[data-preview-approximate] h1').textContent()).toBe('Synthetic Bulletin: May 2015');
    expect(await frame.locator('[data-preview-page]').count()).toBe(0);
    await page.close();
  });
});
