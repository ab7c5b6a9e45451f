/**
 * `npm run dev` shows drafts and scheduled issues, with a banner saying they are not published.
 * Starts Astro's dev server on 127.0.0.1 with the synthetic content of e2e/fixtures/publishing and stops it after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../scripts/nginx/runtime.ts';

const FIXTURE = path.resolve('e2e/fixtures/publishing');
let server: ChildProcess | undefined;
let origin = '';

/** Fetches a page from the dev server, waiting for it to be ready (first requests compile the page). */
async function page(pathname: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(`${origin}${pathname}`);
      return `${response.status} ${await response.text()}`;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: FIXTURE, BUILD_DATE: '2015-05-10' };
  // vitest exports its own and Vite's variables (VITEST, MODE=test, …); the dev server must not inherit them.
  for (const key of Object.keys(env)) {
    if (/^(VITEST|TEST$|DEV$|PROD$|MODE$|SSR$|BASE_URL$|NODE_ENV$)/.test(key)) delete env[key];
  }
  server = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Astro answers requests before its content is loaded: wait until it says it is ready.
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`astro dev did not start:\n${output}`)), 170_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/watching for file changes/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server!.stdout!.on('data', read);
    server!.stderr!.on('data', read);
  });
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
  }
});

describe('npm run dev', { timeout: 180_000 }, () => {
  it('shows a draft with a "Draft" banner', async () => {
    const html = await page('/bulletins/2015-05/');
    expect(html.startsWith('200 ')).toBe(true);
    expect(html).toContain('data-unpublished="draft"');
    expect(html).toMatch(/Important: <\/span>\s*Draft/);
    expect(html).toContain('SYNTHETIC-DRAFT-MARKER');
  });

  it('shows an issue dated after the build date with a "Scheduled" banner', async () => {
    const html = await page('/bulletins/2015-07/');
    expect(html).toContain('data-unpublished="scheduled"');
    expect(html).toContain('This issue is dated 27 July 2015, after today.');
  });

  it('tags unpublished issues in the archive, and not published ones', async () => {
    const html = await page('/bulletins/');
    // `astro dev` adds data-astro-source-* attributes to elements, hence [^>]*.
    const tagAfter = (title: string) =>
      new RegExp(`${title}</a>\\s*</h3>\\s*<strong class="nhsuk-tag nhsuk-tag--orange"[^>]*>\\s*(\\w+)`).exec(
        html,
      )?.[1];
    expect(tagAfter('Synthetic DRAFT bulletin: May 2015')).toBe('Draft');
    expect(tagAfter('Synthetic SCHEDULED bulletin: July 2015')).toBe('Scheduled');
    expect(tagAfter('Synthetic bulletin: April 2015')).toBeUndefined();
    expect(html).toContain('Synthetic bulletin: April 2015</a>');
  });

  it('shows no banner on a published issue', async () => {
    const html = await page('/bulletins/2015-04/');
    expect(html).not.toContain('data-unpublished');
  });

  it('links each issue’s email editions for editors, in the preview only', async () => {
    const html = await page('/bulletins/2015-04/');
    expect(html).toContain('href="/bulletins/2015-04/email.html"');
    expect(html).toContain('href="/bulletins/2015-04/email.txt"');
  });

  it('serves each issue’s email edition, styles inlined, and its plain text, from their own routes', async () => {
    const html = await page('/bulletins/2015-04/email.html');
    expect(html.startsWith('200 <!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(/<table class="app-email__container"[^>]* width="600"[^>]* style="/);
    expect(html).toContain('Synthetic bulletin: April 2015');
    const text = await page('/bulletins/2015-04/email.txt');
    expect(text.startsWith('200 ')).toBe(true);
    expect(text).toMatch(/Read this issue on the website\s+<https?:\/\/[^>]+\/bulletins\/2015-04\/>/);
  });
});
