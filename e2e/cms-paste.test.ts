/**
 * Paste from Word, Google Docs, LibreOffice and a web page into the CMS (issue 26): each clipboard fixture
 * in fixtures/clipboard/ (synthetic, written from what those programs really put on the clipboard) is
 * pasted into a new issue's text field in Chromium as a real paste event carrying `text/html`, and the
 * Markdown the CMS then holds must say what expected.md says, table included, with nothing of the office
 * suite left. Needs no build.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations } from './support/axe.ts';
import { pasteHtml } from './support/clipboard.ts';
import { launchBrowser } from './support/browser.ts';
import { fixtureRepo, signIn, startEditor, type Editor } from './support/editor.ts';

const CLIPBOARD = path.resolve('e2e/fixtures/clipboard');
const FIXTURES = ['word.html', 'google-docs.html', 'libreoffice.html', 'web-page.html'];
let repo: string;
let editor: Editor;
let browser: Browser;
/** One browser profile for every page, signed in once (Decap keeps the sign-in in local storage). */
let context: BrowserContext;

/** What Markdown says, not how it is spelt: `*` or `-` bullets, blank lines in lists, column padding. */
function meaning(markdown: string): unknown {
  const tree = fromMarkdown(markdown.replace(/\ufeff/g, ''), {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  }) as Root;
  return JSON.parse(
    JSON.stringify(tree, (key, value) =>
      key === 'position' || key === 'spread' || key === 'align' ? undefined : value,
    ),
  );
}

async function openNewIssue(page: Page) {
  await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
  await page.locator('[data-slate-editor]').last().click();
}

const paste = (page: Page, html: string) => pasteHtml(page.locator('[data-slate-editor]').last(), html);

/** The text field's Markdown, as its Markdown view shows it (Decap's own serializer: what it saves). */
async function markdownView(page: Page): Promise<string> {
  await page.locator('[role=switch]').last().click();
  const text = await page.locator('[data-slate-editor]').last().innerText();
  await page.locator('[role=switch]').last().click();
  return text;
}

beforeAll(async () => {
  repo = fixtureRepo('e2e/fixtures/content');
  [editor, browser] = await Promise.all([startEditor(repo, { BUILD_DATE: '2015-06-01' }), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, editor.origin);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('paste into the CMS', () => {
  const expected = fs.readFileSync(path.join(CLIPBOARD, 'expected.md'), 'utf8');

  it.each(FIXTURES)(
    '%s: headings, bold, italic, link, nested lists and the table arrive as expected.md says',
    async (name) => {
      const page = await context.newPage();
      await openNewIssue(page);
      await paste(page, fs.readFileSync(path.join(CLIPBOARD, name), 'utf8'));
      const markdown = await markdownView(page);
      expect(meaning(markdown)).toEqual(meaning(expected));
      // Nothing of the office suite: no list markers as text, no stray backslash, no markup or styles.
      expect(markdown).not.toMatch(/·|\\|mso-|<|&nbsp;|\u00a0/);
      // The table is a block of its own in the form, its rows in words without Markdown.
      await expect
        .poll(() => page.getByLabel('Table rows').inputValue())
        .toBe('Wave | Synthetic schemes | Started\n1 | 10 | April 2014');
      if (name === 'word.html') {
        // axe on the form with a pasted table, once the preview has its answer.
        await expect
          .poll(() => page.frameLocator('iframe').first().locator('[data-check]').getAttribute('data-check'), {
            timeout: 20_000,
          })
          .not.toBe('pending');
        const violations = await axeViolations(page);
        console.log(formatViolations(violations));
        expect(violations.map((v) => v.id)).toEqual([]);
      }
      await page.close();
    },
  );

  it('in the Markdown view, a paste arrives as Markdown', async () => {
    const page = await context.newPage();
    await openNewIssue(page);
    await page.locator('[role=switch]').last().click();
    await page.locator('[data-slate-editor]').last().click();
    await paste(page, fs.readFileSync(path.join(CLIPBOARD, 'word.html'), 'utf8'));
    const text = await page.locator('[data-slate-editor]').last().innerText();
    expect(meaning(text)).toEqual(meaning(expected));
    // Decap remembers the view: back to rich text for whoever edits next.
    await page.locator('[role=switch]').last().click();
    await page.close();
  });
});
