/**
 * The CMS's page in the built site (issue 19): left out of the sitemap, the search index and the feeds,
 * `noindex`, Decap served from our own origin, and its own Content-Security-Policy measured: under it the
 * CMS starts with no violation; under the site's policy it cannot start. A build with no CMS set up
 * (no CMS_REPO, as `dist/` is built for the tests) leaves /admin/ out and says so (issue 26); the CMS is
 * measured on a build of the fixture content with CMS_REPO set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHosting } from '../src/lib/hosting/config.ts';
import { contentSecurityPolicy, pathHeaders } from '../src/lib/hosting/headers.ts';
import { launchBrowser } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { requireBuiltSite } from './support/pages.ts';
import { serveDir, type StaticServer } from './support/server.ts';

const built = requireBuiltSite('dist');
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-admin-built-'));
let buildLog = '';
const hosting = loadHosting(path.resolve('.'));
const adminPolicy = new Map(pathHeaders(hosting.settings, '/admin/')).get('Content-Security-Policy')!;
const sitePolicy = contentSecurityPolicy(hosting.settings.contentSecurityPolicy);
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  buildLog = await buildSite({
    contentDir: 'e2e/fixtures/content',
    outDir: dist,
    env: { CMS_REPO: 'ci/liaison-and-diversion' },
  });
  [server, browser] = await Promise.all([serveDir(dist), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('a build with no CMS set up', () => {
  it('leaves /admin/ and the scripts only it loads out, and builds the site', () => {
    expect(fs.existsSync(path.join(built, 'index.html'))).toBe(true);
    expect(fs.existsSync(path.join(built, 'admin'))).toBe(false);
    const scripts = fs.readdirSync(path.join(built, '_astro')).filter((name) => name.endsWith('.js'));
    const decapInit = scripts.filter((name) =>
      fs.readFileSync(path.join(built, '_astro', name), 'utf8').includes('CMS_MANUAL_INIT'),
    );
    expect(decapInit).toEqual([]);
  });

  it('a build with CMS_REPO set keeps it, and says nothing of leaving it out', () => {
    expect(fs.existsSync(path.join(dist, 'admin/index.html'))).toBe(true);
    expect(buildLog).not.toContain('/admin/ was left out');
  });
});

/** Opens /admin/ served with a policy; returns the violations and whether Decap's sign-in showed. */
async function openAdmin(policy: string, wait = 15_000) {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/admin/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${server.origin}/admin/`);
  const started = await page
    .getByRole('button', { name: /Login with GitHub/ })
    .waitFor({ timeout: wait })
    .then(
      () => true,
      () => false,
    );
  const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  await page.close();
  return { started, violations, requests };
}

describe('/admin/ in the built site', () => {
  it('is left out of the sitemap, the search index and the feeds, and says noindex', () => {
    const sitemap = fs.readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('/admin/');
    const html = fs.readFileSync(path.join(dist, 'admin/index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    // Pagefind indexes only pages that mark their body for it.
    expect(html).not.toContain('data-pagefind-body');
    for (const feed of ['bulletins/feed.xml', 'bulletins/atom.xml', 'bulletins/feed.json']) {
      expect(fs.readFileSync(path.join(dist, feed), 'utf8')).not.toContain('/admin/');
    }
  });

  it('starts under its own policy with no violation, loading Decap from our origin only', async () => {
    const { started, violations, requests } = await openAdmin(adminPolicy);
    expect(violations).toEqual([]);
    expect(started).toBe(true);
    expect(requests.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    expect(requests).toContain(`${server.origin}/admin/decap/decap-cms.js`);
  });

  it('cannot start under the site’s policy: the measurement behind its own', async () => {
    const { started, violations } = await openAdmin(sitePolicy, 3_000);
    expect(started).toBe(false);
    expect(violations.some((v) => v.startsWith('script-src eval'))).toBe(true);
  });
});
