/**
 * `npm run dev` with a content error: the dev server starts and keeps running, the browser shows the
 * problem in Astro's error overlay in the words of `npm run check`, and the page comes back once the file
 * is fixed. Runs Astro's dev server on 127.0.0.1 (a free port) with a copy of e2e/fixtures/content.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/nginx/runtime.ts';
import { launchBrowser } from './support/browser.ts';

const content = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-dev-errors-'));
const issue = path.join(content, 'bulletins/2015-01.md');
let good = '';
let server: ChildProcess | undefined;
let output = '';
let origin = '';
let browser: Browser;

/**
 * The words of Astro's error overlay on a page: its message and hint, as a person reads them. The dev server
 * may reload the page as the file it just saw changes settles (the overlay then goes with the old page):
 * each try reads the overlay of the page as it is then.
 */
async function overlayMessage(page: Page): Promise<string> {
  let text = '';
  await expect
    .poll(
      async () => {
        const overlay = page.locator('vite-error-overlay');
        await overlay.waitFor({ state: 'attached', timeout: 10_000 });
        text = await overlay.evaluate((element) =>
          ['#message-content', '#hint-content']
            .map((selector) => (element.shadowRoot?.querySelector(selector) as HTMLElement | null)?.innerText ?? '')
            .join('\n'),
        );
        return text.trim().length > 0;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return text;
}

/** Waits until the condition holds, or fails saying what the dev server printed. */
async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. The dev server said:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  fs.cpSync('e2e/fixtures/content', content, { recursive: true });
  good = fs.readFileSync(issue, 'utf8');
  // A misspelt field, as an editor might type it: the issue then has no summary.
  fs.writeFileSync(issue, good.replace(/^summary:/m, 'sumary:'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // As `npm run dev` and `npm run edit` run it: a local preview, with no public address set (deploy/site.yaml's is empty).
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: content, BUILD_DATE: '2015-06-01', LOCAL_PREVIEW: '1' };
  delete env.SITE_URL;
  for (const key of Object.keys(env)) {
    if (/^(VITEST|TEST$|DEV$|PROD$|MODE$|SSR$|BASE_URL$|NODE_ENV$)/.test(key)) delete env[key];
  }
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(() => /watching for file changes/.test(output) || server!.exitCode !== null, 'astro dev to start');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const stopped = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
  }
  fs.rmSync(content, { recursive: true, force: true });
});

describe('npm run dev with a content error', { timeout: 120_000 }, () => {
  it('starts, says what is wrong in the check’s words, and prints no stack trace or line 0', () => {
    expect(server!.exitCode, output).toBeNull();
    expect(output).toContain('2015-01.md:4  field `sumary`');
    expect(output).toContain('Did you mean `summary`? Rename `sumary` to `summary`.');
    expect(output).not.toMatch(/\*\*|:0:0|\n\s+at .+:\d+:\d+/);
  });

  it('shows the problem in the browser, in the words of npm run check', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${origin}/bulletins/2015-01/`);
    const text = await overlayMessage(page);
    // The overlay shows `code` as code, without the backticks.
    expect(text).toContain('2015-01.md:4  field sumary');
    expect(text).toContain('sumary is not a field of a bulletin.');
    expect(text).toContain('Did you mean summary? Rename sumary to summary.');
    expect(text).not.toMatch(/\*\*|:0:0/);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'dev-overlay.png') });
    await page.close();
  });

  it('shows the page again once the file is fixed, and the problem again when it breaks', async () => {
    fs.writeFileSync(issue, good);
    await until(async () => (await fetch(`${origin}/bulletins/2015-01/`)).status === 200, 'the fixed page');
    const fixed = await (await fetch(`${origin}/bulletins/2015-01/`)).text();
    expect(fixed).toContain('Synthetic bulletin: January 2015');

    fs.writeFileSync(issue, good.replace(/^date: 2015-01-28$/m, 'date: 28 January 2015'));
    await until(async () => (await fetch(`${origin}/bulletins/2015-01/`)).status === 500, 'the problem to show');
    expect(server!.exitCode).toBeNull();
    const page = await browser.newPage();
    await page.goto(`${origin}/bulletins/2015-01/`);
    const text = await overlayMessage(page);
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: path.join(process.env.SCREENSHOTS, 'dev-overlay-date.png') });
    expect(text).toContain('Write the date as year-month-day without quotes: date: 2015-05-27.');
    await page.close();
  });
});

describe('what readers copy from the dev server (issue 26)', { timeout: 120_000 }, () => {
  it('a clause’s "Cite" text gives the public address, or the path alone, never this computer’s', async () => {
    fs.writeFileSync(issue, good);
    const page = `${origin}/specification/synthetic-scope/`;
    await until(async () => (await fetch(page)).status === 200, 'the specification page');
    const citations = cheerio
      .load(await (await fetch(page)).text())('.app-citation')
      .map((_i, element) => cheerio.load(element).text())
      .get();
    expect(citations.length).toBeGreaterThan(0);
    for (const citation of citations) {
      expect(citation).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]/);
      // The path alone while the site has no public address: it names the clause and no computer.
      expect(citation).toMatch(/not the official text\. \/specification\/2020\/synthetic-scope\/#\S+$/);
    }
  });
});

describe('images from the dev server (issue 23)', () => {
  it('anything /@fs/ serves by its path (content included) is sandboxed too', async () => {
    for (const file of ['public/favicon.svg', 'e2e/fixtures/hostile/refused/svg/bulletins/images/map.svg']) {
      const response = await fetch(`${origin}/@fs${path.resolve(file)}`);
      expect(response.headers.get('content-security-policy') ?? '', file).toMatch(/(^|; )sandbox($|;)/);
    }
  });

  it.each(['/og-image.png', '/favicon.svg'])(
    '%s is sent sandboxed: opened on its own, a picture runs no script beside the CMS’s backend',
    async (url) => {
      const response = await fetch(`${origin}${url}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\//);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/(^|; )sandbox($|;)/);
      expect(csp).toContain("default-src 'none'");
    },
  );
});
