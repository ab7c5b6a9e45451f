/**
 * An editor's day in the CMS (issue 26), as one walk: a new issue, its text pasted from Word (table
 * included), a picture with alt text, a link to a clause that does not exist pasted from a web page,
 * found by the check in the form's words and fixed from what the message says, then saved and put
 * through review to Ready. Publishing it live is the next step (see docs/editors/editing-in-the-browser.md).
 * Needs no build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { fixtureRepo, git, signIn, startEditor, type Editor } from './support/editor.ts';

let repo: string;
let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  repo = fixtureRepo('e2e/fixtures/content');
  [editor, browser] = await Promise.all([startEditor(repo, { BUILD_DATE: '2015-06-01' }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('an editor’s day', () => {
  it('new issue, paste from Word, a picture, a broken link fixed from the message, review', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, editor.origin);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Title', { exact: true }).fill('Synthetic Bulletin: an editor’s day');
    await page.getByLabel('Summary').fill('A synthetic issue pasted from Word by a test.');
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
    await page.keyboard.press('Enter');
    await paste('<p>See <a href="/specification/synthetic-steps/#clause-9-9">clause 9.9</a> for the steps.</p>');
    const report = page.frameLocator('iframe').first().locator('[data-check]');
    await expect
      .poll(() => report.textContent(), { timeout: 20_000 })
      .toContain('but that page has no clause #clause-9-9');
    const said = (await report.textContent()) ?? '';
    expect(said).toContain('Text, near “See clause 9.9 for the steps.”');
    expect(said).not.toMatch(/line \d|\]\(/);

    // Fixed as the message says: the right clause's address, in the Markdown view's last line.
    await page.locator('[role=switch]').last().click();
    await page.locator('[data-slate-editor]').last().getByText('See [clause 9.9]').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.insertText('See [clause 2.1](/specification/synthetic-steps/#clause-2-1) for the steps.');
    await page.locator('[role=switch]').last().click();
    await expect.poll(() => report.getAttribute('data-check'), { timeout: 20_000 }).toBe('ok');

    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => git(repo, 'branch', '--list', 'cms/*'), { timeout: 30_000 })
      .toContain('cms/bulletins/2015-03');
    await page.getByText('Status: Draft').click();
    await page.getByRole('menuitem', { name: 'In review' }).click();
    await page.getByText('Status: In review').click();
    await page.getByRole('menuitem', { name: 'Ready' }).click();
    await page.getByText('Status: Ready').waitFor();
    await expect
      .poll(() => git(repo, 'config', 'branch.cms/bulletins/2015-03.description'))
      .toBe('cms/pending_publish');
    await page.close();

    const file = git(repo, 'show', 'cms/bulletins/2015-03:content/bulletins/2015-03.md');
    expect(file).toContain('| Wave | Synthetic schemes | Started |');
    expect(file).toContain('[link to a synthetic report](https://www.example.org/synthetic-report)');
    expect(file).toMatch(/!\[Synthetic chart of people seen\]\((\.\/)?images\/synthetic-day\.png\)/);
    expect(file).toContain('[clause 2.1](/specification/synthetic-steps/#clause-2-1)');
    expect(file).not.toMatch(/clause-9-9|·|mso-|\\$/m);
    expect(git(repo, 'ls-tree', '--name-only', 'cms/bulletins/2015-03', 'content/bulletins/images/')).toContain(
      path.posix.join('content/bulletins/images', 'synthetic-day.png'),
    );
  });
});
