/**
 * The built site behind Debian's nginx with the committed deploy/nginx.conf, as it would run in
 * production: headers on every kind of response, precompressed files, pages in Chromium under the
 * Content-Security-Policy, and a bounded load run on loopback.
 * Needs a build in dist/ and Debian's nginx, brotli module and wrk (.ci/run installs them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadHosting } from '../src/lib/hosting/config.ts';
import { cacheControlFor, pathHeaders, securityHeaders } from '../src/lib/hosting/headers.ts';
import { PROJECT_ROOT, startNginx, type RunningNginx } from '../scripts/nginx/runtime.ts';
import { loadPaths, runWrk, wrkCommand } from '../scripts/nginx/wrk.ts';
import { launchBrowser } from './support/browser.ts';
import { builtPages } from './support/pages.ts';
import { watchPage } from './support/watch-page.ts';

const DIST = path.join(PROJECT_ROOT, 'dist');
const { settings, redirects } = loadHosting(PROJECT_ROOT);
let nginx: RunningNginx;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html')))
    throw new Error('dist/ holds no build: run `npm run build` first.');
  nginx = await startNginx({ root: DIST });
});
afterAll(() => nginx?.close());

/** A response fetched as a browser would, without following redirects. */
async function get(urlPath: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${nginx.origin}${urlPath}`, { redirect: 'manual', headers });
}

/** Every header the policy sends with every response, with the Cache-Control the path must get. */
function expectHostingHeaders(response: Response, urlPath: string): void {
  // A part with a policy of its own (/admin/; /_astro/, sandboxed) gets that policy instead of the site's.
  for (const [name, value] of pathHeaders(settings, urlPath) ?? securityHeaders(settings)) {
    expect(response.headers.get(name), `${name} on ${urlPath}`).toBe(value);
  }
  expect(response.headers.get('cache-control'), `Cache-Control on ${urlPath}`).toBe(cacheControlFor(settings, urlPath));
}

function filesUnder(dir: string): string[] {
  const root = path.join(DIST, dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(gz|br)$/.test(entry.name))
    .map((entry) => `/${path.relative(DIST, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
}

const firstBulletin = builtPages(DIST).find((page) => /^\/bulletins\/\d{4}-\d{2}\/$/.test(page));

describe('every kind of response carries the security and caching headers', () => {
  test.each(['/', firstBulletin ?? '/bulletins/', '/specification/', '/search/'])(
    'the HTML page %s is revalidated',
    async (urlPath) => {
      const response = await get(urlPath);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expectHostingHeaders(response, urlPath);
    },
  );

  test('every hashed file under /_astro/ is immutable for a year', async () => {
    const files = filesUnder('_astro');
    expect(files.length, 'dist/_astro/ has files').toBeGreaterThan(0);
    for (const file of files) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
      expectHostingHeaders(response, file);
      if (file.endsWith('.css')) expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
      if (file.endsWith('.js')) {
        expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
      }
    }
  });

  test('the search index under /pagefind/ is cached with revalidation', async () => {
    const files = filesUnder('pagefind');
    expect(files, 'dist/pagefind/ holds the search index').toContain('/pagefind/pagefind.js');
    // The entry files and one chunk of each kind, not all of a large index.
    const sample = [...new Map(files.map((file) => [path.extname(file), file])).values()];
    for (const file of sample) {
      const response = await get(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('public, no-cache');
      expectHostingHeaders(response, file);
    }
  });

  test('the bulletin feed is revalidated and served as XML', async () => {
    const response = await get('/bulletins/feed.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expectHostingHeaders(response, '/bulletins/feed.xml');
  });

  test('a missing page gets the site’s 404 page with status 404', async () => {
    const response = await get('/no-such-page/');
    expect(response.status).toBe(404);
    const title = fs.readFileSync(path.join(DIST, '404.html'), 'utf8').match(/<title>([^<]*)<\/title>/)![1];
    expect(await response.text()).toContain(`<title>${title}</title>`);
    expectHostingHeaders(response, '/404.html');
    // The 404 page answers only as a 404, and the files for other hosts are not served.
    for (const urlPath of ['/404.html', '/_headers', '/_redirects']) expect((await get(urlPath)).status).toBe(404);
  });

  test.each(redirects.flatMap(({ from, to }) => [from, from.slice(0, -1)].map((source) => [source, to])))(
    'the redirect from %s leads to %s, which exists',
    async (from, to) => {
      const response = await get(from);
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(to);
      expectHostingHeaders(response, from);
      expect((await get(to)).status, `${to}, where ${from} leads`).toBe(200);
    },
  );

  test('a section address without its trailing slash is redirected to the address with it', async () => {
    const response = await get('/bulletins');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/bulletins/');
    expectHostingHeaders(response, '/bulletins');
  });

  test('text is compressed for browsers that accept it', async () => {
    const css = filesUnder('_astro').find((file) => file.endsWith('.css'))!;
    for (const urlPath of ['/', css]) {
      const br = fs.existsSync(path.join(DIST, urlPath === '/' ? 'index.html.br' : `${urlPath}.br`));
      const response = await get(urlPath, { 'accept-encoding': 'br, gzip' });
      // A .br beside the file is served as it is; without one nginx gzips on the fly.
      expect(response.headers.get('content-encoding'), urlPath).toBe(br && nginx.brotli ? 'br' : 'gzip');
      expect(response.headers.get('vary'), urlPath).toBe('Accept-Encoding');
    }
  });
});

describe('precompressed files beside the originals', () => {
  // A synthetic three-file site whose .br, .gz and plain copies differ, so the body shows which was sent.
  let fixture: string;
  let server: RunningNginx;
  beforeAll(async () => {
    fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-precompressed-'));
    const page = (which: string) => `<!doctype html><title>Synthetic test page</title><p>${which}</p>`;
    fs.writeFileSync(path.join(fixture, 'index.html'), page('plain'));
    fs.writeFileSync(path.join(fixture, 'index.html.gz'), zlib.gzipSync(page('from the .gz file')));
    fs.writeFileSync(path.join(fixture, 'index.html.br'), zlib.brotliCompressSync(page('from the .br file')));
    fs.writeFileSync(path.join(fixture, '404.html'), page('not found'));
    server = await startNginx({ root: fixture });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(fixture, { recursive: true, force: true });
  });

  test.each([
    ['br, gzip', 'br', 'from the .br file'],
    ['gzip', 'gzip', 'from the .gz file'],
    ['identity', null, 'plain'],
  ])('Accept-Encoding: %s gets content encoding %s', async (accept, encoding, body) => {
    expect(server.brotli, `nginx's brotli module (${'libnginx-mod-http-brotli-static'})`).toBe(true);
    const response = await fetch(`${server.origin}/`, { headers: { 'accept-encoding': accept } });
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(await response.text()).toContain(body);
  });
});

describe('pages in Chromium under the Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  test.each(['/', firstBulletin ?? '/bulletins/', '/specification/'])(
    '%s loads with no CSP violation, no error and no request to another host',
    async (urlPath) => {
      const page = await browser.newPage();
      const watch = await watchPage(page, nginx.origin);
      await page.goto(`${nginx.origin}${urlPath}`, { waitUntil: 'networkidle' });
      expect(await watch.problems()).toEqual([]);
      await page.close();
    },
  );

  test('search finds results with Pagefind’s WebAssembly under the policy', async () => {
    const page = await browser.newPage();
    const watch = await watchPage(page, nginx.origin);
    await page.goto(`${nginx.origin}/search/?q=diversion`, { waitUntil: 'networkidle' });
    // A result is a link in the main content to a page below a section (the no-script fallback links only
    // to the sections themselves).
    const hasResult = await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLAnchorElement>('main a[href]')].some((a) =>
            /^\/(bulletins|programme|specification)\/[^/]+/.test(new URL(a.href).pathname),
          ),
        undefined,
        { timeout: 15_000 },
      )
      .then(
        () => true,
        () => false,
      );
    expect(hasResult, 'a search result for "diversion" on /search/?q=diversion within 15 seconds').toBe(true);
    expect(await watch.problems()).toEqual([]);
    await page.close();
  });
});

describe('under load', () => {
  test('a bounded run on loopback ends with zero errors', async () => {
    // Short in tests; `npm run bench:nginx` runs the 30-second figure for reports.
    const load = { threads: 2, connections: 50, duration: Number(process.env.LOAD_SECONDS ?? 10) };
    const logged = nginx.errors().length;
    const result = await runWrk({ origin: nginx.origin, paths: loadPaths(DIST), ...load });
    console.log(
      `${wrkCommand(load)}: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} requests/s, ` +
        `p99 ${result.latency.p99.toFixed(2)} ms, errors ${JSON.stringify(result.errors)}`,
    );
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toEqual({ connect: 0, read: 0, write: 0, timeout: 0, status: 0 });
    expect(nginx.errors().slice(logged), "nginx's error log during the run").toBe('');
  });
});
