/**
 * An editor's day in the CMS (issue 26), as one walk from Word to live, in the order of the editors'
 * guide (docs/editors/editing-in-the-browser.md): a new issue from Bulletin issues, a summary too long
 * refused, its text pasted from Word (table included), a picture whose alt text is forgotten, a link to
 * a clause that does not exist pasted from a web page, both found by the check in the form's words;
 * saved, sent for review, opened from Workflow and set Ready; Publish now refused with what to fix; both
 * fixed from what the messages say; Publish now again, and the status line says Live. The publishing
 * service builds the site once into a folder target; the test reads the issue as nginx serves it from
 * the live release, and its email edition. It takes the guide's screenshots (docs/editors/images/), each
 * at the step the guide describes, and the live page and email at phone and desktop widths into
 * test-results/editor-day/.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx, type RunningNginx } from '../scripts/nginx/runtime.ts';
import { launchBrowser } from './support/browser.ts';
import { fixtureRepo, git, markReady, signIn, startEditor, type Editor, uploadImage } from './support/editor.ts';
import { folderTarget, publishNow, PUBLISH_SITE_URL, type FolderTarget } from './support/publish-target.ts';
import { pasteHtml } from './support/clipboard.ts';

const SHOTS = path.resolve('test-results/editor-day');
/** The editors' guide's screenshots, each taken at the step the guide describes. */
const GUIDE_SHOTS = path.resolve('docs/editors/images');
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
    'new issue, paste from Word, a picture, problems fixed from the messages, review, Publish now, live',
    { timeout: 600_000 },
    async () => {
      fs.mkdirSync(GUIDE_SHOTS, { recursive: true });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, editor.origin);
      await guideShot(page, 'cms-collections');
      // As the guide says: Bulletin issues, then its button ＋ bulletin issue (Decap's words).
      await page
        .getByRole('link', { name: /Bulletin issues/ })
        .first()
        .click();
      await page.getByText('＋ bulletin issue', { exact: true }).click();
      await page.getByLabel('Title', { exact: true }).fill('Synthetic Bulletin: an editor’s day');
      // A summary too long for lists and feeds: the form refuses to save it, and says why.
      const summary = page.getByLabel('Summary');
      await summary.fill(`A synthetic summary that goes on. ${'It says the same thing again. '.repeat(10)}`);
      await page.getByRole('button', { name: 'Save' }).click();
      const tooLong = page.getByText(
        'Keep the summary to 300 characters or fewer: it is shown in lists, feeds and search.',
      );
      await tooLong.waitFor();
      await guideShot(page, 'cms-summary-too-long', [summary, tooLong]);
      expect(git(repo, 'branch', '--list', 'cms/*')).toBe('');
      await summary.fill('A synthetic issue pasted from Word by a test.');
      // Open on the day the site is built (BUILD_DATE, 1 June 2015), so the live page shows it open.
      await page.getByText('Call to action', { exact: true }).getByRole('button', { name: 'Expand' }).click();
      await page.getByLabel('Heading of the callout').fill('Synthetic survey');
      await page.getByLabel('What readers are asked to do').fill('Tell us what you think of this synthetic issue.');
      await page.getByLabel('Closing date').fill('31/07/2015');
      const text = page.locator('[data-slate-editor]').last();
      const paste = (html: string) => pasteHtml(text, html);

      await text.click();
      await paste(fs.readFileSync('e2e/fixtures/clipboard/word.html', 'utf8'));
      const rows = page.getByLabel('Table rows');
      await rows.waitFor();
      await rows.scrollIntoViewIfNeeded();
      const preview = page.frameLocator('iframe').first();
      // The preview draws with the site's styles once the dev server has compiled them (seconds, the first time).
      await expect
        .poll(
          () =>
            preview
              .locator('table')
              .first()
              .evaluate((table) => getComputedStyle(table).fontFamily),
          {
            timeout: 30_000,
          },
        )
        .toMatch(/arial/i);
      await guideShot(page, 'cms-pasted-table', [rows, preview.locator('table').first()]);

      // A picture whose alt text the editor forgets at first.
      await uploadImage(page, 'synthetic-day.png', 'public/assets/images/nhsuk-icon-180.png');

      // A sentence copied from a web page, with a link to a clause that does not exist.
      await text.getByText('A closing synthetic line.').click();
      await page.keyboard.press('End');
      // slate-react reads the caret's move from the page after a delay (its selection sync is throttled to
      // 100 ms): an Enter sooner, as on a busy machine, split the line where the click had put the caret.
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await paste('<p>See <a href="/specification/synthetic-steps/#clause-9-9">clause 9.9</a> for the steps.</p>');
      const report = preview.locator('[data-check]');
      await expect
        .poll(() => report.textContent(), { timeout: 20_000 })
        .toMatch(/Alt text of the image ‘synthetic-day\.png’ is empty[^]*but that page has no clause #clause-9-9/);
      const said = (await report.textContent()) ?? '';
      expect(said).toContain('Text, near “See clause 9.9 for the steps.”');
      expect(said).not.toMatch(/line \d|\]\(/);
      await guideShot(page, 'cms-check-problems', [report]);

      // Saved as it is, sent for review; a colleague opens it from Workflow and sets it Ready.
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => git(repo, 'branch', '--list', 'cms/*'), { timeout: 30_000 })
        .toContain('cms/bulletins/2015-03');
      await page.waitForURL(/#\/collections\/bulletins\/entries\//, { timeout: 30_000 });
      await page.getByText('Status: Draft').click();
      await page.getByRole('menuitem', { name: 'In review' }).click();
      await page.getByText('Status: In review').waitFor();
      // The entry's screen has no Workflow link: its arrow at the top left goes back to the lists.
      await page.locator('a[href="#/collections/bulletins"]').first().click();
      await page.getByRole('link', { name: 'Workflow' }).click();
      const card = page.getByText('Synthetic Bulletin: an editor’s day').first();
      await card.waitFor({ timeout: 30_000 });
      await guideShot(page, 'cms-workflow', [page.getByText('Editorial Workflow'), page.getByText('Drafts'), card]);
      await card.click();
      await markReady(page, repo, 'cms/bulletins/2015-03');
      await guideShot(page, 'cms-ready', [page.getByText('Status: Ready'), page.getByText('Publish', { exact: true })]);

      // Publish now: the check still finds the two errors, and the refusal says what to fix.
      await page.getByText('Publish', { exact: true }).click();
      await page.getByRole('menuitem', { name: 'Publish now' }).click();
      const refusal = page.locator('[data-publish-refusal]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Alt text of the image ‘synthetic-day.png’ is empty');
      // Said once, in the notice that stays: Decap's own, which goes by itself, is closed.
      await expect.poll(() => page.locator('.Toastify__toast', { hasText: 'the check found' }).count()).toBe(0);
      await guideShot(page, 'cms-publish-refused', [refusal]);
      expect(git(repo, 'branch', '--list', 'cms/*')).toContain('cms/bulletins/2015-03');

      // Fixed as the messages say: the alt text written, and the right clause's address on its line in the
      // Markdown view.
      await page.getByLabel('Alt Text').fill(ALT);
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
      // The refusal goes once the check finds no error.
      await expect.poll(() => refusal.count()).toBe(0);
      await page.getByLabel('Alt Text').scrollIntoViewIfNeeded();
      await guideShot(page, 'cms-new-issue');

      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Changes saved', { exact: false }).first().waitFor({ timeout: 30_000 });
      await expect
        .poll(() => git(repo, 'show', 'cms/bulletins/2015-03:content/bulletins/2015-03.md'), { timeout: 30_000 })
        .toContain('clause-2-1');
      // A change saved to a Ready entry sends it back to In review (Decap): it is set Ready again.
      await markReady(page, repo, 'cms/bulletins/2015-03');

      const file = git(repo, 'show', 'cms/bulletins/2015-03:content/bulletins/2015-03.md');
      expect(file).toContain('| Wave | Synthetic schemes | Started |');
      expect(file).toContain('[link to a synthetic report](https://www.example.org/synthetic-report)');
      expect(file).toMatch(/!\[Synthetic chart of people seen\]\((\.\/)?images\/synthetic-day\.png\)/);
      expect(file).toMatch(/^See \[clause 2\.1\]\(\/specification\/synthetic-steps\/#clause-2-1\) for the steps\.$/m);
      expect(file).not.toMatch(/clause-9-9|·|mso-|\\$/m);
      expect(git(repo, 'ls-tree', '--name-only', 'cms/bulletins/2015-03', 'content/bulletins/images/')).toContain(
        path.posix.join('content/bulletins/images', 'synthetic-day.png'),
      );

      await publishNow(page).catch(async (e) => {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, 'publish-failed.png') });
        throw e;
      });
      await guideShot(page, 'cms-publish-live', [page.locator('#publish-status')]);
      await page.close();
      nginx = await startNginx({ root: publishing.current });
      await expectLive(nginx.origin);
      await screenshots(nginx.origin);
    },
  );
});

/**
 * A screenshot for the editors' guide (docs/editors/images/NAME.png): the whole window, or only the part
 * the guide's step is about (the boxes of `around`, with a margin), so that its words can be read.
 */
async function guideShot(page: Page, name: string, around: Locator[] = []) {
  const file = path.join(GUIDE_SHOTS, `${name}.png`);
  // Decap's passing notices ("Entry status updated", a refused save) would cover what the step is about; an
  // editor closes them or waits, and the guide shows the screen without them.
  for (const close of await page.locator('.Toastify__close-button').all()) await close.click().catch(() => {});
  await expect.poll(() => page.locator('.Toastify__toast').count(), { timeout: 10_000 }).toBe(0);
  if (around.length === 0) return void (await page.screenshot({ path: file }));
  const boxes = await Promise.all(around.map((l) => l.boundingBox()));
  const seen = boxes.filter((b): b is NonNullable<typeof b> => b !== null);
  expect(seen.length, `${name}: what the step is about is on the screen`).toBe(around.length);
  const view = page.viewportSize()!;
  const margin = 24;
  const left = Math.max(0, Math.min(...seen.map((b) => b.x)) - margin);
  const top = Math.max(0, Math.min(...seen.map((b) => b.y)) - margin);
  const right = Math.min(view.width, Math.max(...seen.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(view.height, Math.max(...seen.map((b) => b.y + b.height)) + margin);
  await page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
}

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
