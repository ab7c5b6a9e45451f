/**
 * Decap CMS (with our paste handler and Table block) against Sveltia CMS, measured the same way (issue 26):
 * each clipboard fixture (e2e/fixtures/clipboard/) pasted as a real paste event into a new issue's text
 * field, the Markdown the CMS saves compared with expected.md; axe-core (WCAG 2.2 AA) on the entry list and
 * on the editing screen with the Word paste in it; whether the editorial workflow runs on a local
 * repository; screenshots in bench/tmp/cms-compare/. Run by hand, never in CI:
 *
 *   npm run bench:cms                  # both CMSs
 *   npm run bench:cms -- --only sveltia
 *
 * Sveltia is installed into bench/tmp/sveltia (bench/sveltia-site.ts). Its local mode opens a folder with
 * the browser's directory picker; headless Chromium has no picker to click, so the page's
 * showDirectoryPicker returns a folder in the origin-private file system, seeded with a copy of
 * e2e/fixtures/content and the `.git` folder Sveltia looks for. Sveltia loads its fonts from
 * cdn.jsdelivr.net; this machine has no Internet, so those requests are answered from the same fonts'
 * npm packages, installed beside it, and the screens look as they would on line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Result } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from '../e2e/support/axe.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { fixtureRepo, signIn, startEditor } from '../e2e/support/editor.ts';
import { score, type Score } from './paste-score.ts';
import { installSveltia, serveSveltia } from './sveltia-site.ts';
import { pasteHtml } from '../e2e/support/clipboard.ts';

const CLIPBOARD = path.resolve('e2e/fixtures/clipboard');
const FIXTURES = ['word', 'google-docs', 'libreoffice', 'web-page'];
const OUT = path.resolve('bench/tmp/cms-compare');
const FONTS = path.resolve('bench/tmp/sveltia/node_modules');
const expected = fs.readFileSync(path.join(CLIPBOARD, 'expected.md'), 'utf8');
/** A synthetic issue holding expected.md, table and all: the round trip of a file saved by Sveltia. */
const ROUND_TRIP = `---\ntitle: "Synthetic table round trip"\ndate: 2015-04-29\nsummary: "Synthetic: a table saved again."\n---\n\n${expected}`;
const clipboard = (name: string) => fs.readFileSync(path.join(CLIPBOARD, `${name}.html`), 'utf8');

interface Measured {
  cms: string;
  pastes: Record<string, Score & { markdown: string }>;
  axe: Record<string, Result[]>;
  workflow: string;
}

const paste = (page: Page, selector: string, html: string) => pasteHtml(page.locator(selector).last(), html);

/** The files of a folder, as paths and base64, to copy into the browser. */
function filesOf(dir: string, base = dir): { path: string; data: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory()
      ? filesOf(full, base)
      : [{ path: path.relative(base, full), data: fs.readFileSync(full).toString('base64') }];
  });
}

/** Makes the origin-private "repository" folder the browser's directory picker returns, with our content. */
async function localRepository(context: BrowserContext, page: Page, origin: string) {
  await context.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker =
      async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repository', { create: true });
  });
  const seed = [
    ...filesOf('e2e/fixtures/content').map((f) => ({ ...f, path: `content/${f.path}` })),
    { path: '.git/HEAD', data: Buffer.from('ref: refs/heads/main\n').toString('base64') },
    { path: 'content/bulletins/2015-04.md', data: Buffer.from(ROUND_TRIP).toString('base64') },
  ];
  await page.goto(`${origin}/admin/blank`);
  await page.evaluate(async (seed) => {
    const root = await (await navigator.storage.getDirectory()).getDirectoryHandle('repository', { create: true });
    for (const file of seed) {
      const parts = file.path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)));
      await writable.close();
    }
  }, seed);
}

/** A file in the browser's "repository" folder, or undefined while it is not there. */
function readRepositoryFile(page: Page, file: string): Promise<string | undefined> {
  return page.evaluate(async (file) => {
    try {
      let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('repository');
      const parts = file.split('/');
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
      return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
    } catch {
      return undefined;
    }
  }, file);
}

async function waitFor<T>(what: string, get: () => Promise<T | undefined>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await get();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const bodyOf = (file: string) => file.replace(/^---\n[\s\S]*?\n---\n/, '').trim() + '\n';

async function measureSveltia(context: BrowserContext): Promise<Measured> {
  const version = installSveltia();
  const site = await serveSveltia();
  const log: string[] = [];
  try {
    // Sveltia's fonts, from their npm packages instead of cdn.jsdelivr.net (see the top of this file).
    await context.route('https://cdn.jsdelivr.net/fontsource/fonts/**', (route) => {
      const m = /fonts\/([a-z0-9-]+)(:vf)?@[^/]+\/(.+)$/.exec(new URL(route.request().url()).pathname);
      const file = m && path.join(FONTS, `@fontsource${m[2] ? '-variable' : ''}`, m[1], 'files', `${m[1]}-${m[3]}`);
      return file && fs.existsSync(file) ? route.fulfill({ path: file, contentType: 'font/woff2' }) : route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') log.push(`${m.type()}: ${m.text()}`);
    });
    await localRepository(context, page, site.origin);
    await page.goto(`${site.origin}/admin/`);
    await page.getByRole('button', { name: 'Work with Local Repository' }).click();
    await page
      .getByText(/Synthetic bulletin: January 2015/)
      .first()
      .waitFor();
    await page.goto(`${site.origin}/admin/#/collections/bulletins`);
    await page
      .getByText(/Synthetic bulletin: January 2015/)
      .first()
      .waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(OUT, 'sveltia-entry-list.png') });
    const axe: Record<string, Result[]> = { 'entry list': await axeViolations(page) };

    const pastes: Measured['pastes'] = {};
    for (const [i, name] of FIXTURES.entries()) {
      const date = `2016-0${i + 1}-01`;
      await page.goto(`${site.origin}/admin/#/collections/bulletins/new`);
      await page.getByLabel('Title', { exact: true }).fill(`Synthetic paste: ${name}`);
      await page.locator('input[type=date]').first().fill(date);
      await page.getByLabel('Summary', { exact: true }).fill('A synthetic issue made by bench/cms-compare.ts.');
      await page.locator('[data-lexical-editor]').last().click();
      await paste(page, '[data-lexical-editor]', clipboard(name));
      await page.waitForTimeout(1500);
      if (name === 'word') {
        await page
          .locator('[data-lexical-editor] table')
          .first()
          .scrollIntoViewIfNeeded()
          .catch(() => {});
        await page.screenshot({ path: path.join(OUT, 'sveltia-pasted-table.png') });
        axe['editing screen'] = await axeViolations(page);
      }
      await page.getByRole('button', { name: 'Save' }).first().click();
      const file = await waitFor(`Sveltia to save ${name}`, () =>
        readRepositoryFile(page, `content/bulletins/${date.slice(0, 7)}.md`),
      );
      const markdown = bodyOf(file);
      pastes[name] = { ...score(markdown, expected), markdown };
      fs.writeFileSync(path.join(OUT, `sveltia-${name}.md`), file);
      if (name === 'word') await page.screenshot({ path: path.join(OUT, 'sveltia-after-save.png') });
    }

    // An existing file with a GFM table (seeded beside our content, see localRepository), opened and saved
    // with one word changed: does the table survive a save it was not part of?
    await page.goto(`${site.origin}/admin/#/collections/bulletins/entries/2015-04`);
    await page.getByLabel('Title', { exact: true }).fill('Synthetic table round trip, saved');
    await page.getByRole('button', { name: 'Save' }).first().click();
    const roundTrip = await waitFor('Sveltia to save the round trip', async () => {
      const file = await readRepositoryFile(page, 'content/bulletins/2015-04.md');
      return file?.includes('saved') ? file : undefined;
    });
    fs.writeFileSync(path.join(OUT, 'sveltia-round-trip.md'), roundTrip);
    const tableKept = score(bodyOf(roundTrip), expected).kept.includes('table');

    // The workflow: what the screens offer after a save: a workflow view, statuses to move an entry through.
    await page.goto(`${site.origin}/admin/#/collections/bulletins/entries/2016-01`);
    await page.getByLabel('Title', { exact: true }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(OUT, 'sveltia-saved-entry.png') });
    const views = await page
      .locator('[role=radio][aria-label]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const buttons = await page
      .locator('button:visible')
      .evaluateAll((els) => els.map((e) => e.textContent?.trim()).filter(Boolean));
    const statuses = buttons.filter((b) => /Draft|In Review|Ready|Publish/i.test(b ?? ''));
    const warning = log.find((l) => /Editorial Workflow/.test(l));
    const workflow =
      `Sveltia ${version} on the local repository: Save wrote each entry straight into content/bulletins/; ` +
      `views offered: ${views.filter((v) => !/^Select/.test(v ?? '')).join(', ')}; ` +
      `workflow buttons on the saved entry: ${statuses.length ? statuses.join(', ') : 'none'}` +
      (warning ? `; its configuration check said: "${warning.replace(/^warning: /, '')}"` : '') +
      `. An existing GFM table ${tableKept ? 'survived' : 'did not survive'} a save that changed only the title.`;
    fs.writeFileSync(path.join(OUT, 'sveltia-console.log'), log.join('\n'));
    await page.close();
    return { cms: `Sveltia CMS ${version}`, pastes, axe, workflow };
  } finally {
    await site.close();
  }
}

async function measureDecap(context: BrowserContext): Promise<Measured> {
  const repo = fixtureRepo('e2e/fixtures/content');
  const editor = await startEditor(repo, { BUILD_DATE: '2015-06-01' });
  try {
    const page = await context.newPage();
    await signIn(page, editor.origin);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins`);
    await page
      .getByText(/Synthetic bulletin: January 2015/)
      .first()
      .waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: path.join(OUT, 'decap-entry-list.png') });
    const axe: Record<string, Result[]> = { 'entry list': await axeViolations(page) };
    const pastes: Measured['pastes'] = {};
    for (const name of FIXTURES) {
      await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
      await page.locator('[data-slate-editor]').last().click();
      await paste(page, '[data-slate-editor]', clipboard(name));
      await page.waitForTimeout(1500);
      if (name === 'word') {
        await page.screenshot({ path: path.join(OUT, 'decap-pasted-table.png') });
        axe['editing screen'] = await axeViolations(page);
      }
      // Decap's own serializer, as its Markdown view shows it: what it saves.
      await page.locator('[role=switch]').last().click();
      const markdown = `${(await page.locator('[data-slate-editor]').last().innerText()).trim()}\n`;
      await page.locator('[role=switch]').last().click();
      pastes[name] = { ...score(markdown, expected), markdown };
    }
    await page.close();
    return {
      cms: 'Decap CMS 3 with our paste handler and Table block',
      pastes,
      axe,
      workflow:
        "Decap: draft, in review, ready and publish on decap-server's local git backend (e2e/cms.test.ts walks it)",
    };
  } finally {
    await editor.stop();
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

function report(results: Measured[]) {
  console.log('\n## Paste: the saved Markdown against expected.md\n');
  console.log(`| fixture | ${results.map((r) => r.cms).join(' | ')} |`);
  console.log(`| --- | ${results.map(() => '---').join(' | ')} |`);
  for (const name of FIXTURES) {
    const cells = results.map(({ pastes: { [name]: s } }) =>
      s.same
        ? 'as expected.md'
        : [`lost: ${s.lost.join(', ') || 'nothing'}`, s.junk.length ? `junk: ${s.junk.join(', ')}` : '']
            .filter(Boolean)
            .join('; '),
    );
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  console.log('\n## axe-core, WCAG 2.2 AA: rules broken (elements)\n');
  for (const screen of ['entry list', 'editing screen']) {
    for (const r of results) {
      const rules = r.axe[screen] ?? [];
      console.log(
        `${r.cms}, ${screen}: ${rules.length} rules, ${rules.reduce((n, v) => n + v.nodes.length, 0)} elements`,
      );
      for (const v of rules) console.log(`  ${v.id} (${v.impact}): ${v.nodes.length}`);
    }
  }
  console.log('\n## Workflow on a local repository\n');
  for (const r of results) console.log(`- ${r.workflow}`);
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\nSaved Markdown, screenshots and results.json in ${path.relative(process.cwd(), OUT)}/`);
}

const { values } = parseArgs({ options: { only: { type: 'string' } } });
fs.mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
try {
  const results: Measured[] = [];
  for (const [name, measure] of [
    ['decap', measureDecap],
    ['sveltia', measureSveltia],
  ] as const) {
    if (values.only && values.only !== name) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    results.push(await measure(context));
    await context.close();
  }
  report(results);
} finally {
  await browser.close();
}
