/**
 * The whole path an editor takes with a new issue, as docs/editors/publishing-an-issue.md tells it, on a
 * copy of the synthetic publishing fixture (e2e/fixtures/publishing): `npm run new:bulletin` for the next
 * issue, a body with a picture beside the issue, a link to a clause and a link to an earlier issue, the
 * draft line deleted, `npm run check`, then `npm run build` for a configured public address. Then
 * everything that leaves the site is read: the page, the archive, the three feeds, both email editions,
 * the sitemap and the citation of a clause. Screenshots of the page and the email edition, at phone and
 * desktop widths, are left in test-results/issue-whole-path/ to look at.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parseJsonFeed, parseXmlFeed } from './support/feeds.ts';
import { startSite, type SiteSession } from './support/site.ts';

/** The address the team configured: a `.test` name, which never resolves, as the tests' builds use. */
const SITE = 'https://bulletin.liaison-and-diversion.test';
/** The build's "today": after the new issue's date, so it is published. */
const BUILD_DATE = '2015-08-01';
const ALT = 'Synthetic map of the wave 2 schemes';
const SHOTS = path.resolve('test-results/issue-whole-path');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-whole-path-'));
const content = path.join(work, 'content');
const dist = path.join(work, 'dist');
const LOOPBACK = /localhost|127\.0\.0\.1|\[::1\]/;

/** Runs one of the project's commands (`node cli/<name>.ts`) as `npm run` would, on the copied content. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !key.startsWith('VITEST') &&
        !['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST', 'SITE_URL', 'LOCAL_PREVIEW'].includes(key),
    ),
  );
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...inherited, CONTENT_DIR: content, BUILD_DATE, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
/** The file in dist/ an absolute address on the configured site is served from. */
const servedFile = (address: string) => {
  const { pathname } = new URL(address);
  return path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
};

let issueFile = '';
let newCommand: ReturnType<typeof run>;
let check: ReturnType<typeof run>;
let build: ReturnType<typeof run>;

beforeAll(() => {
  // The fixture without its scheduled July issue: the next issue the cadence proposes is July 2015.
  fs.cpSync(path.resolve('e2e/fixtures/publishing'), content, { recursive: true });
  fs.rmSync(path.join(content, 'bulletins', '2015-07.md'));

  newCommand = run('cli/new-bulletin.ts', ['--yes']);
  issueFile = path.join(content, 'bulletins', '2015-07.md');
  if (newCommand.code !== 0 || !fs.existsSync(issueFile)) return;

  // What the editor writes, as the guide says: a summary, a picture saved beside the issue and named for
  // it, a link to a clause and one to an earlier issue; then the draft line deleted.
  fs.copyFileSync(path.resolve('public/og-image.png'), path.join(content, 'bulletins', '2015-07-wave-2-map.png'));
  const scaffold = fs.readFileSync(issueFile, 'utf8');
  const frontmatter = scaffold
    .slice(0, scaffold.indexOf('\n---\n') + 5)
    .replace(/^summary: .*$/m, 'summary: "A synthetic issue written by the whole-path test."')
    .replace(/^draft: true\n/m, '');
  const body = [
    '',
    '## Synthetic update',
    '',
    `![${ALT}](./2015-07-wave-2-map.png)`,
    '',
    'Read [clause 1.1 of the specification](/specification/about-this-specification/#clause-1-1) and',
    '[the April issue](/bulletins/2015-04/).',
    '',
  ].join('\n');
  fs.writeFileSync(issueFile, frontmatter + body);

  check = run('cli/check.ts', [], { SITE_URL: SITE });
  // `--force` (passed on to astro build) clears Astro's content cache, which still holds the entries of the
  // last test's temporary folder: an unchanged issue would keep its picture's address in that folder.
  build = run('cli/build.ts', ['--dist', dist, '--force'], { SITE_URL: SITE });
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('an editor’s new issue, from new:bulletin to a build for the public address', { timeout: 600_000 }, () => {
  it('starts the next issue as a draft that says where pictures go', () => {
    expect(newCommand.code, newCommand.output).toBe(0);
    expect(newCommand.output).toContain('2015-07.md');
    const scaffold = run('cli/new-bulletin.ts', ['--yes', '--dry-run', '--date', '2015-09-23']).output;
    expect(scaffold).toContain('draft: true');
    expect(scaffold).toContain('![What the picture shows](./2015-09-your-picture.png)');
  });

  it('passes the check with the picture beside the issue, without a warning', () => {
    expect(check.code, check.output).toBe(0);
    expect(check.output).not.toMatch(/Warning|Error/);
  });

  it('refuses to build for a loopback address, saying where to set the address', () => {
    const local = run('cli/build.ts', ['--dist', path.join(work, 'never')], { SITE_URL: 'http://localhost:4321' });
    expect(local.code).toBe(1);
    expect(local.output).toContain('deploy/site.yaml');
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);
  });

  it('builds for the configured address', () => {
    expect(build.code, build.output).toBe(0);
  });

  describe('what leaves the site', () => {
    let pageImage = '';
    beforeAll(() => {
      const $ = cheerio.load(read('bulletins/2015-07/index.html'));
      pageImage = $(`main img[alt="${ALT}"]`).attr('src') ?? '';
    });

    it('the page shows the optimised picture, both links, and no furniture for editors', () => {
      const $ = cheerio.load(read('bulletins/2015-07/index.html'));
      expect(pageImage).toMatch(/^\/_astro\/2015-07-wave-2-map\.[\w-]+\.webp$/);
      expect(fs.existsSync(path.join(dist, pageImage))).toBe(true);
      const links = $('main a')
        .toArray()
        .map((a) => $(a).attr('href'));
      expect(links).toEqual(
        expect.arrayContaining(['/specification/about-this-specification/#clause-1-1', '/bulletins/2015-04/']),
      );
      expect($('.app-editors').length).toBe(0);
      expect(links.filter((href) => href?.includes('/email.'))).toEqual([]);
      expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}/bulletins/2015-07/`);
    });

    it('the archive lists the issue', () => {
      const $ = cheerio.load(read('bulletins/index.html'));
      expect($('main a[href="/bulletins/2015-07/"]').length).toBe(1);
    });

    it('all three feeds carry the same optimised picture by absolute address, and absolute links', () => {
      const rss = parseXmlFeed(read('bulletins/feed.xml'));
      const atom = parseXmlFeed(read('bulletins/atom.xml'));
      const json = parseJsonFeed(read('bulletins/feed.json'));
      const contents = [
        rss.items.find((item) => item.url === `${SITE}/bulletins/2015-07/`)?.content,
        atom.items.find((item) => item.url === `${SITE}/bulletins/2015-07/`)?.content,
        json.items.find((item) => item.url === `${SITE}/bulletins/2015-07/`)?.content_html,
      ];
      for (const html of contents) {
        expect(html).toBeTruthy();
        const $ = cheerio.load(html ?? '');
        expect($(`img[alt="${ALT}"]`).attr('src')).toBe(`${SITE}${pageImage}`);
        expect(
          $('a')
            .toArray()
            .map((a) => $(a).attr('href')),
        ).toEqual(
          expect.arrayContaining([
            `${SITE}/specification/about-this-specification/#clause-1-1`,
            `${SITE}/bulletins/2015-04/`,
          ]),
        );
        expect(html).not.toMatch(/__astro_image_/i);
      }
    });

    it('the email edition shows the picture by absolute address, and the text edition names it', () => {
      const $ = cheerio.load(read('bulletins/2015-07/email.html'));
      const image = $(`img[alt="${ALT}"]`);
      // The same picture as PNG or JPEG, which Outlook shows (issue 26); the page keeps WebP.
      expect(image.attr('src')).toMatch(new RegExp(`^${SITE}${pageImage.replace(/\.webp$/, '')}\\.(png|jpg)$`));
      expect(fs.existsSync(servedFile(image.attr('src') ?? ''))).toBe(true);
      for (const img of $('img').toArray()) expect($(img).attr('src')).toMatch(new RegExp(`^${SITE}/`));
      const text = read('bulletins/2015-07/email.txt');
      expect(text).toContain(`[Image: ${ALT}]`);
      expect(text.replace(/\s+/g, ' ')).toContain(
        `clause 1.1 of the specification <${SITE}/specification/about-this-specification/#clause-1-1>`,
      );
    });

    it('no loopback address reaches anything that leaves the site', () => {
      const leaving = [
        'bulletins/2015-07/index.html',
        'bulletins/2015-07/email.html',
        'bulletins/2015-07/email.txt',
        'bulletins/feed.xml',
        'bulletins/atom.xml',
        'bulletins/feed.json',
        'sitemap-0.xml',
        'robots.txt',
        'get-updates/index.html',
        'specification/about-this-specification/index.html',
      ];
      for (const file of leaving) {
        const text = read(file);
        expect(text, file).not.toMatch(LOOPBACK);
        expect(text, file).not.toMatch(/__astro_image_/i);
      }
    });

    it('the sitemap lists the issue at the configured address', () => {
      expect(read('sitemap-0.xml')).toContain(`<loc>${SITE}/bulletins/2015-07/</loc>`);
    });

    it('the citation of a clause in the current version links a page of the build that has the clause', () => {
      const $ = cheerio.load(read('specification/about-this-specification/index.html'));
      const citation = $('.app-citation').first().text();
      expect(citation).toContain('summary of the service specification');
      expect(citation).toContain('Synthetic specification 2019');
      // The clause's permanent address, then the official document's, which the fixture's sources list.
      expect(citation).toMatch(/ Official document: https:\/\/example\.org\/synthetic-specification-2019$/);
      const url = /(https:\/\/\S+#\S+)/.exec(citation)?.[1] ?? '';
      expect(url).toMatch(new RegExp(`^${SITE}/specification/2019/about-this-specification/#`));
      const cited = cheerio.load(fs.readFileSync(servedFile(url), 'utf8'));
      expect(cited(`[id="${new URL(url).hash.slice(1)}"]`).length).toBe(1);
      expect(cited('h1').text()).toBe($('h1').text());
      // The same words as the current version's page: search engines and the search index get that one only.
      expect(cited('link[rel="canonical"]').attr('href')).toBe(`${SITE}/specification/about-this-specification/`);
      expect(cited('[data-pagefind-body]').length).toBe(0);
      expect($('[data-pagefind-body]').length).toBe(1);
      expect(read('sitemap-0.xml')).not.toContain(`${SITE}/specification/2019/about-this-specification/`);
    });
  });

  describe('in Chromium, at phone and desktop widths', () => {
    let site: SiteSession;
    beforeAll(async () => {
      site = await startSite(dist);
      fs.mkdirSync(SHOTS, { recursive: true });
    });
    afterAll(() => site?.close());

    /** Answers requests for the configured address from the build, as the public host would. */
    const servePublicAddress = (page: Page) =>
      page.route(`${SITE}/**`, (route) => route.fulfill({ path: servedFile(route.request().url()) }));

    it.each([
      ['phone', 390, 844],
      ['desktop', 1280, 900],
    ])('shows the picture on the page and in the email edition (%s)', async (name, width, height) => {
      for (const [what, pathname] of [
        ['page', '/bulletins/2015-07/'],
        ['email', '/bulletins/2015-07/email.html'],
      ]) {
        const page = await site.open(pathname, { viewport: { width, height }, beforeLoad: servePublicAddress });
        onTestFinished(() => page.close());
        const image = page.locator(`img[alt="${ALT}"]`);
        await image.scrollIntoViewIfNeeded();
        const box = await image.evaluate((img: HTMLImageElement) => ({
          loaded: img.complete && img.naturalWidth > 0,
          width: img.getBoundingClientRect().width,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
        }));
        expect(box.loaded, `${what} image loaded`).toBe(true);
        expect(box.width).toBeGreaterThan(100);
        // No sideways scrolling on a phone: the picture fits the screen.
        if (what === 'page') expect(box.overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(SHOTS, `${what}-${name}.png`), fullPage: true });
      }
    });
  });
});
