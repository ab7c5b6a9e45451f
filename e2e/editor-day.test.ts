/**
 * An editor's day in the CMS (issue 26), as one walk from Word to live: a new issue, its text pasted
 * from Word (table included), a picture with alt text, a call to action, a link to a clause that does
 * not exist pasted from a web page, found by the check in the form's words and fixed from what the
 * message says, then saved, put through review to Ready and published with Publish now. The publishing
 * service builds the site once into a folder target; the test reads the issue as nginx serves it from
 * the live release, and its email edition, and takes screenshots into test-results/editor-day/.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type RunningNginx } from '../scripts/nginx/runtime.ts';
import { launchBrowser } from './support/browser.ts';
import { fixtureRepo, git, saveAndMarkReady, signIn, startEditor, type Editor } from './support/editor.ts';
import { folderTarget, publishNow, PUBLISH_SITE_URL, type FolderTarget } from './support/publish-target.ts';

const SHOTS = path.resolve('test-results/editor-day');
const ALT = 'Synthetic chart of people seen';
let publishing: FolderTarget;
let repo: string;
let editor: Editor;
let browser: Browser;
let nginx: RunningNginx | undefined;

beforeAll(async () => {
  publishing = folderTarget();
  repo = fixtureRepo('e2e/fixtures/content');
  [editor, browser] = await Promise.all([startEditor(repo, publishing.env), launchBrowser()]);
});

afterAll(async () => {
  await nginx?.close();
  await browser?.close();
  await editor?.stop();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
  publishing?.remove();
});

describe('an editor’s day', () => {
  it(
    'new issue, paste from Word, a picture, a broken link fixed from the message, review, live',
    { timeout: 600_000 },
    async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, editor.origin);
      await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
      await page.getByLabel('Title', { exact: true }).fill('Synthetic Bulletin: an editor’s day');
      await page.getByLabel('Summary').fill('A synthetic issue pasted from Word by a test.');
      // Open on the day the site is built (BUILD_DATE, 1 June 2015), so the live page shows it open.
      await page.getByText('Call to action', { exact: true }).getByRole('button', { name: 'Expand' }).click();
      await page.getByLabel('Heading of the callout').fill('Synthetic survey');
      await page.getByLabel('What readers are asked to do').fill('Tell us what you think of this synthetic issue.');
      await page.getByLabel('Closing date').fill('31/07/2015');
      const text = page.locator('[data-slate-editor]').last();
      const paste = (html: string) =>
        text.evaluate((el, html) => {
          const data = new DataTransfer();
          data.setData('text/html', html);
          el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        }, html);

      await text.click();
      await paste(fs.readFileSync('e2e/fixtures/clipboard/word.html', 'utf8'));
      await page.getByLabel('Table rows').waitFor();

      await page.getByRole('button', { name: 'Add Component' }).click();
      await page.getByRole('menuitem', { name: 'Image' }).click();
      await page.getByRole('button', { name: 'Choose an image' }).click();
      await page.locator('input[type=file]').setInputFiles({
        name: 'synthetic-day.png',
        mimeType: 'image/png',
        buffer: fs.readFileSync('public/assets/images/nhsuk-icon-180.png'),
      });
      await page.getByRole('button', { name: /Choose selected/i }).click();
      await page.getByLabel('Alt Text').fill('Synthetic chart of people seen');

      // A sentence copied from a web page, with a link to a clause that does not exist.
      await text.getByText('A closing synthetic line.').click();
      await page.keyboard.press('End');
      // slate-react reads the caret's move from the page after a delay (its selection sync is throttled to
      // 100 ms): an Enter sooner, as on a busy machine, split the line where the click had put the caret.
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await paste('<p>See <a href="/specification/synthetic-steps/#clause-9-9">clause 9.9</a> for the steps.</p>');
      const report = page.frameLocator('iframe').first().locator('[data-check]');
      await expect
        .poll(() => report.textContent(), { timeout: 20_000 })
        .toContain('but that page has no clause #clause-9-9');
      const said = (await report.textContent()) ?? '';
      expect(said).toContain('Text, near “See clause 9.9 for the steps.”');
      expect(said).not.toMatch(/line \d|\]\(/);

      // Fixed as the message says: the right clause's address, on its line in the Markdown view.
      await page.locator('[role=switch]').last().click();
      const line = page.locator('[data-slate-editor]').last().getByText('See [clause 9.9]');
      await line.click();
      // The whole line, not the line on screen (a long line wraps, and Shift+End stopped at the wrap).
      await line.evaluate((el) => {
        const words = document.createRange();
        words.selectNodeContents(el);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(words);
      });
      await page.waitForTimeout(300); // slate-react's selection sync, as above
      await page.keyboard.insertText('See [clause 2.1](/specification/synthetic-steps/#clause-2-1) for the steps.');
      await page.locator('[role=switch]').last().click();
      await expect.poll(() => report.getAttribute('data-check'), { timeout: 20_000 }).toBe('ok');

      await saveAndMarkReady(page, repo, 'cms/bulletins/2015-03');

      const file = git(repo, 'show', 'cms/bulletins/2015-03:content/bulletins/2015-03.md');
      expect(file).toContain('| Wave | Synthetic schemes | Started |');
      expect(file).toContain('[link to a synthetic report](https://www.example.org/synthetic-report)');
      expect(file).toMatch(/!\[Synthetic chart of people seen\]\((\.\/)?images\/synthetic-day\.png\)/);
      expect(file).toMatch(/^See \[clause 2\.1\]\(\/specification\/synthetic-steps\/#clause-2-1\) for the steps\.$/m);
      expect(file).not.toMatch(/clause-9-9|·|mso-|\\$/m);
      expect(git(repo, 'ls-tree', '--name-only', 'cms/bulletins/2015-03', 'content/bulletins/images/')).toContain(
        path.posix.join('content/bulletins/images', 'synthetic-day.png'),
      );

      await publishNow(page);
      await page.close();
      nginx = await startNginx({ root: publishing.current });
      await expectLive(nginx.origin);
      await screenshots(nginx.origin);
    },
  );
});

/** The issue as the live release serves it: page, email edition and plain text. */
async function expectLive(origin: string) {
  const get = async (pathname: string) => {
    const response = await fetch(`${origin}${pathname}`);
    expect(response.status, pathname).toBe(200);
    return response;
  };
  const $ = cheerio.load(await (await get('/bulletins/2015-03/')).text());
  expect($('h1').text()).toContain('Synthetic Bulletin: an editor’s day');
  // The table from Word is a table, cell for cell.
  const cells = (root: cheerio.CheerioAPI, scope: string) =>
    root(`${scope} table tr`)
      .toArray()
      .map((row) =>
        root(row)
          .find('th, td')
          .toArray()
          .map((cell) => root(cell).text().trim()),
      );
  const table = [
    ['Wave', 'Synthetic schemes', 'Started'],
    ['1', '10', 'April 2014'],
  ];
  expect(cells($, 'main')).toEqual(table);
  expect($(`main img[alt="${ALT}"]`).length).toBe(1);
  const action = $('main [data-call-to-action]');
  expect(action.attr('data-call-to-action')).toBe('open');
  expect(action.text()).toContain('Synthetic survey');
  expect(action.text()).toContain('Tell us what you think of this synthetic issue.');
  // The fixed link leads to a clause that is there.
  const sentence = $('main p').filter((_, p) => $(p).text().startsWith('See clause'));
  expect(sentence.text()).toBe('See clause 2.1 for the steps.');
  const clause = sentence.find('a').attr('href')!;
  expect(new URL(clause, PUBLISH_SITE_URL).href).toBe(`${PUBLISH_SITE_URL}/specification/synthetic-steps/#clause-2-1`);
  const steps = cheerio.load(await (await get('/specification/synthetic-steps/')).text());
  expect(steps('[id="clause-2-1"]').length).toBe(1);

  const email = cheerio.load(await (await get('/bulletins/2015-03/email.html')).text());
  expect(cells(email, '.app-email__body')).toEqual(table);
  const src = email(`img[alt="${ALT}"]`).attr('src')!;
  expect(src).toMatch(new RegExp(`^${PUBLISH_SITE_URL}/.+\\.(png|jpe?g)$`));
  const bytes = Buffer.from(await (await get(new URL(src).pathname)).arrayBuffer());
  const png = bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  expect(png || jpeg, `${src} is PNG or JPEG`).toBe(true);
  expect(email.text()).toContain('Synthetic survey');

  const text = await (await get('/bulletins/2015-03/email.txt')).text();
  expect(text).toMatch(/^Wave +Synthetic schemes +Started$/m);
  expect(text).toMatch(/^1 +10 +April 2014$/m);
  expect(text).toContain(`${PUBLISH_SITE_URL}/specification/synthetic-steps/#clause-2-1`);
  expect(text).toContain('https://www.example.org/synthetic-report');
  expect(text).toContain(`[Image: ${ALT}]`);
  expect(text).toContain('Synthetic survey');
}

/** The live page at phone and desktop widths and the email edition, with the public address answered locally. */
async function screenshots(origin: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const [name, address, width] of [
    ['page-320', `${origin}/bulletins/2015-03/`, 320],
    ['page-1280', `${origin}/bulletins/2015-03/`, 1280],
    // As a mail client opens it: by itself, its picture from the public address, not under the site's CSP.
    ['email-320', `${PUBLISH_SITE_URL}/bulletins/2015-03/email.html`, 320],
    ['email-1280', `${PUBLISH_SITE_URL}/bulletins/2015-03/email.html`, 1280],
  ] as const) {
    const page: Page = await browser.newPage({ viewport: { width, height: 900 } });
    try {
      await page.route(`${PUBLISH_SITE_URL}/**`, async (route) => {
        const url = new URL(route.request().url());
        const response = await fetch(`${origin}${url.pathname}${url.search}`);
        await route.fulfill({
          status: response.status,
          contentType: response.headers.get('content-type') ?? undefined,
          body: Buffer.from(await response.arrayBuffer()),
        });
      });
      await page.goto(address);
      const image = page.locator(`img[alt="${ALT}"]`);
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
          message: `${name}: the picture shows`,
          timeout: 10_000,
        })
        .toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  }
}
