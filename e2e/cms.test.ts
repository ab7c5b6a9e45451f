/**
 * Editing in the browser (issue 19): Decap CMS at /admin/ under `npm run edit`, against a temporary git
 * clone of the fixture content, with decap-server in git mode (drafts, reviews and publishing as
 * branches). The editors' guide's screenshots are taken by e2e/editor-day.test.ts, the whole day's walk.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import {
  fixtureRepo,
  git,
  markReady,
  signIn as signInAt,
  startEditor,
  type Editor,
  uploadImage,
} from './support/editor.ts';

const BUILD_DATE = '2015-06-01';
let repo: string;
let editor: Editor;
let browser: Browser;

const signIn = (page: Page) => signInAt(page, editor.origin);

/** Types Markdown into the text field's Markdown view, line by line, then goes back to rich text. */
async function writeMarkdown(page: Page, lines: string[]) {
  await page.locator('[role=switch]').last().click();
  await page.locator('[data-slate-editor]').last().click();
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
  await page.locator('[role=switch]').last().click();
}

const checkReport = (page: Page) => page.frameLocator('iframe').first().locator('[data-check]');

beforeAll(async () => {
  repo = fixtureRepo('e2e/fixtures/content');
  [editor, browser] = await Promise.all([startEditor(repo, { BUILD_DATE }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('npm run edit', () => {
  it('serves the editor and decap-server on 127.0.0.1 only, decap-server for the dev server’s origin only', async () => {
    expect(editor.output()).toContain(`open ${editor.origin}/admin/`);
    const config = (await (await fetch(`${editor.origin}/admin/config.json`)).json()) as {
      local_backend: { url: string };
    };
    const backend = new URL(config.local_backend.url);
    expect(backend.hostname).toBe('127.0.0.1');
    const ask = (origin: string) =>
      fetch(backend, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ action: 'info' }),
      });
    expect((await ask(editor.origin)).status).toBe(200);
    expect((await ask('http://127.0.0.1:1')).status).toBe(403);
    expect((await ask('https://attacker.example')).status).toBe(403);
    // The check answers the admin page of this server only.
    const check = await fetch(`${editor.origin}/admin/check.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://attacker.example' },
      body: JSON.stringify({ path: 'content/bulletins/2015-01.md', raw: '' }),
    });
    expect(check.status).toBe(403);
  });
});

describe('editing in the browser', () => {
  it('1: creates the next issue through the form, saves a draft, reviews it and publishes it to main', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill('Synthetic Bulletin: March 2015');
    // The date starts as the next issue in the cadence: monthly until May 2015, after February's draft.
    // Shown the British way whatever the browser's language (Chromium here runs in US English).
    await expect.poll(() => page.getByLabel('Date of the issue').inputValue()).toBe('25/03/2015');
    await page.getByLabel('Summary').fill('A synthetic issue written through the CMS by a test.');
    // A call to action that is open on the date and closed on the build date ("today").
    await page.getByText('Call to action', { exact: true }).getByRole('button', { name: 'Expand' }).click();
    await page.getByLabel('Heading of the callout').fill('Synthetic survey');
    await page.getByLabel('What readers are asked to do').fill('Tell us what you think of this synthetic issue.');
    await page.getByLabel('Closing date').fill('30/04/2015');
    const preview = page.frameLocator('iframe').first();
    await expect
      .poll(() => preview.locator('[data-call-to-action-note]').allTextContents(), { timeout: 15_000 })
      .toEqual([
        'On the issue’s date (25 March 2015) readers see the call to action open:',
        'Today (1 June 2015, the date the site is built) readers see it closed:',
      ]);
    const previewBoxes = await preview.locator('[data-call-to-action]').evaluateAll((boxes) =>
      boxes.map((b) => ({
        state: b.getAttribute('data-call-to-action'),
        className: b.className,
        text: b.textContent,
      })),
    );
    expect(previewBoxes.map((b) => b.state)).toEqual(['open', 'closed']);
    await writeMarkdown(page, [
      '## What changed',
      '',
      'The first step is described in [clause 2.1](/specification/synthetic-steps/#clause-2-1).',
    ]);
    // An image, uploaded into the one image folder, with its alt text.
    await uploadImage(page, 'synthetic-map.png', 'public/assets/images/nhsuk-icon-180.png');
    await page.getByLabel('Alt Text').fill('Synthetic map of the test schemes');
    // The check waits for a pause in typing and then asks the server: until it answers, "Checking…".
    expect(await checkReport(page).textContent()).toBe('Checking…');
    await expect.poll(() => checkReport(page).getAttribute('data-check'), { timeout: 15_000 }).toBe('ok');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => git(repo, 'branch', '--list', 'cms/*'), { timeout: 20_000 })
      .toContain('cms/bulletins/2015-03');
    await page.getByText('Status: Draft').click();
    await page.getByRole('menuitem', { name: 'In review' }).click();
    await markReady(page, repo, 'cms/bulletins/2015-03');
    await page.getByText('Publish', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    await expect.poll(() => git(repo, 'branch', '--list', 'cms/*'), { timeout: 20_000 }).toBe('');
    await page.close();

    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(repo, 'log', '--name-only', '--format=', '-3', 'main')).toMatch(/content\/bulletins\/2015-03\.md/);
    const file = fs.readFileSync(path.join(repo, 'content/bulletins/2015-03.md'), 'utf8');
    expect(file).toMatch(
      /^---\ntitle: "Synthetic Bulletin: March 2015"\ndate: 2015-03-25\nsummary: "A synthetic issue written through the CMS by a test\."\ncallToAction:\n {2}title: "Synthetic survey"\n {2}text: "Tell us what you think of this synthetic issue\."\n {2}closes: 2015-04-30\n---\n/,
    );
    expect(file).toContain('## What changed');
    expect(file).toContain('[clause 2.1](/specification/synthetic-steps/#clause-2-1)');
    expect(file).toMatch(/!\[Synthetic map of the test schemes\]\((\.\/)?images\/synthetic-map\.png\)/);
    expect(fs.existsSync(path.join(repo, 'content/bulletins/images/synthetic-map.png'))).toBe(true);

    const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: path.join(repo, 'content'), BUILD_DATE };
    delete env.NODE_ENV;
    execFileSync(path.resolve('node_modules/.bin/node'), ['cli/check.ts'], { env, encoding: 'utf8' });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-cms-build-'));
    try {
      await buildSite({ contentDir: path.join(repo, 'content'), outDir: out, env: { BUILD_DATE } });
      const html = fs.readFileSync(path.join(out, 'bulletins/2015-03/index.html'), 'utf8');
      expect(html).toContain('Synthetic Bulletin: March 2015');
      expect(html).toMatch(/<img[^>]+alt="Synthetic map of the test schemes"/);
      expect(html).toContain('href="/specification/synthetic-steps/#clause-2-1"');
      // The preview is the page: the built page's call to action is the preview's "today" box, in the browser.
      const built = await browser.newPage();
      await built.setContent(html);
      const box = built.locator('[data-call-to-action]');
      expect({
        state: await box.getAttribute('data-call-to-action'),
        className: await box.getAttribute('class'),
        text: await box.textContent(),
      }).toEqual(previewBoxes[1]);
      await built.close();
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('mistakes caught before publishing', () => {
  it('2: refuses a 301-character summary in the schema’s words (the image without alt text is in 3)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Title', { exact: true }).fill('Synthetic Bulletin: too long');
    await page.getByLabel('Summary').fill('x'.repeat(301));
    await page.getByRole('button', { name: 'Save' }).click();
    // The field's label and the schema's words, as `npm run check` says it: no "pattern", no "..".
    await page
      .getByText('Summary: Keep the summary to 300 characters or fewer: it is shown in lists, feeds and search.', {
        exact: true,
      })
      .waitFor();
    expect(git(repo, 'branch', '--list', 'cms/bulletins/*')).toBe('');
    await page.close();
  });

  it('3: reports a link to a clause that does not exist and an image without alt text in the browser, and refuses to publish', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Title', { exact: true }).fill('Synthetic Bulletin: a broken link');
    await page.getByLabel('Date of the issue').fill('25 April 2015');
    await page.getByLabel('Summary').fill('A synthetic issue with a link to a clause that does not exist.');
    await writeMarkdown(page, [
      '## A broken link',
      '',
      'See [clause 9.9](/specification/synthetic-steps/#clause-9-9).',
      '',
      '![](https://example.invalid/no-alt.png)',
    ]);
    const report = page.frameLocator('iframe').first().locator('[data-check=problems]');
    await expect
      .poll(() => report.textContent(), { timeout: 15_000 })
      .toContain('but that page has no clause #clause-9-9');
    // In the form's words: the place by the words around it, the image by its name; no line, no Markdown.
    const said = (await report.textContent()) ?? '';
    expect(said).toContain('Text, near “See clause 9.9.”');
    expect(said).toContain(
      'Text, the image ‘no-alt.png’: Alt text of the image ‘no-alt.png’ is empty: describe what it shows.',
    );
    expect(said).not.toMatch(/line \d|\]\(|!\[|\.\./);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Status: Draft').waitFor({ timeout: 30_000 });
    await page.getByText('Status: Draft').click();
    await page.getByRole('menuitem', { name: 'Ready' }).click();
    await page.getByText('Status: Ready').waitFor();
    await page.getByText('Publish', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Publish now' }).click();
    const refusal = page.locator('[data-publish-refusal]');
    await refusal.waitFor();
    // Decap's own notice goes after about 8 seconds; the refusal stays until dismissed or fixed.
    await page.waitForTimeout(10_000);
    await expect.poll(() => refusal.isVisible()).toBe(true);
    expect(await refusal.textContent()).toContain('Alt text of the image ‘no-alt.png’ is empty');
    // The screen with the check's errors and the refusal, as accessible as the others.
    const violations = await axeViolations(page);
    console.log(formatViolations(violations));
    expect(violations.map((v) => v.id)).toEqual([]);
    await refusal.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => refusal.count()).toBe(0);
    expect(git(repo, 'branch', '--list', 'cms/*')).toContain('cms/bulletins/2015-04');
    expect(fs.existsSync(path.join(repo, 'content/bulletins/2015-04.md'))).toBe(false);
    await page.close();
  });
});

describe('reviews show only real changes', () => {
  it('4: changing a programme page’s reviewBy date changes exactly that line', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    await page.goto(`${editor.origin}/admin/#/collections/programme/entries/synthetic-about`);
    const reviewBy = page.getByLabel('Review by');
    await reviewBy.fill('2026-06-30');
    await reviewBy.press('Tab');
    await page.frameLocator('iframe').first().locator('[data-check]').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    // decap-server makes the branch first and commits to it a moment later.
    const changed = () => {
      const branches = git(repo, 'branch', '--list', 'cms/programme/*');
      if (!branches.includes('cms/programme/synthetic-about')) return [];
      const diff = git(repo, 'diff', '--unified=0', 'main', 'cms/programme/synthetic-about');
      return diff.split('\n').filter((line) => /^[+-](?![+-])/.test(line));
    };
    await expect.poll(changed, { timeout: 20_000 }).toEqual(['-reviewBy: 2025-01-15', '+reviewBy: 2026-06-30']);
    await page.close();
  });
});

describe('keyboard and accessibility', () => {
  it('5: creates and saves a draft with the keyboard alone; axe on the admin pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    const tabTo = async (test: () => Promise<boolean>, limit = 60) => {
      for (let i = 0; i < limit; i++) {
        if (await test()) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached the control; focus is on ${JSON.stringify(await focused())}`);
    };
    const focused = () =>
      page.evaluate(() => ({
        id: document.activeElement?.id ?? '',
        text: document.activeElement?.textContent?.trim() ?? '',
      }));
    // The address of a new issue's form is typed, as an editor would follow the guide's link.
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    await tabTo(async () => (await focused()).id.startsWith('title-field'));
    await page.keyboard.type('Synthetic Bulletin: typed with the keyboard');
    await tabTo(async () => (await focused()).id.startsWith('summary-field'));
    await page.keyboard.type('A synthetic draft written with the keyboard alone.');
    await tabTo(
      async () => page.evaluate(() => document.activeElement?.hasAttribute('data-slate-editor') ?? false),
      80,
    );
    await page.keyboard.type('Written with the keyboard alone.');
    await page.keyboard.press('Shift+Tab');
    // Shift+Tab back up to the Save button at the top.
    for (let i = 0; i < 80 && (await focused()).text !== 'Save'; i++) await page.keyboard.press('Shift+Tab');
    expect((await focused()).text).toBe('Save');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => git(repo, 'branch', '--list', 'cms/*'), { timeout: 20_000 })
      .toMatch(/cms\/bulletins\/2015-0\d/);
    // Decap moves to the saved entry's address once it has read the entry back; going elsewhere before then
    // is undone by that move on a slow machine.
    await page.waitForURL(/#\/collections\/bulletins\/entries\//, { timeout: 30_000 });

    const violations = await axeViolations(page);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins`);
    await page.getByText('Synthetic Bulletin').first().waitFor();
    violations.push(...(await axeViolations(page)));
    await page.goto(`${editor.origin}/admin/#/workflow`);
    // The board, with the draft just saved on it (a slow machine takes seconds to load it).
    await page.getByText('Synthetic Bulletin: typed with the keyboard').first().waitFor({ timeout: 30_000 });
    violations.push(...(await axeViolations(page)));
    console.log(formatViolations(violations));
    // No WCAG 2.2 A/AA rule broken: our configuration labels every field; src/cms/a11y-fixes.ts and
    // decap-contrast.css mend what Decap draws (names, nested controls, grey text).
    expect(violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });
});
