import * as cheerio from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isoDay } from '../src/lib/dates.ts';
import { currentVersionFolder } from '../src/lib/specification.ts';
import { isPermanentCopy } from '../src/lib/specification-urls.ts';
import { siteConfig } from '../src/site.config.ts';
import { publishedIssues } from './support/content.ts';
import { builtPages } from './support/pages.ts';

// Checks dist/ (run `npm run build` first, with the same SITE_URL and BUILD_DATE).
const DIST = 'dist';
const site = siteConfig.url;
// Email editions are not pages of the site (builtPages leaves them out): email.test.ts checks them.
const pages = builtPages(DIST);
const fileOf = (page: string) => path.join(DIST, page.endsWith('.html') ? page : path.join(page, 'index.html'));
/** The file in dist/ an absolute address of this site is served from. */
const servedFile = (address: string) => {
  expect(address.startsWith(`${site}/`), address).toBe(true);
  const pathname = new URL(address).pathname;
  return path.join(DIST, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
};
const issues = publishedIssues(siteConfig.contentDir, isoDay(siteConfig.buildDate));
const current = currentVersionFolder(fs.readdirSync(path.join(siteConfig.contentDir, 'specification'))) ?? '';
/** A page's canonical address: its own, but the unversioned one for a permanent copy of the current version. */
const canonicalOf = (page: string) =>
  new URL(isPermanentCopy(page, current) ? page.replace(`/${current}/`, '/') : page, `${site}/`).href;

describe.each(pages)('the head of %s', (page) => {
  const $ = cheerio.load(fs.readFileSync(fileOf(page), 'utf8'));
  const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');

  test('has a canonical address (none for the 404 page), a description and a title', () => {
    const canonical = $('link[rel="canonical"]').attr('href');
    if (page === '/404.html') {
      expect(canonical).toBeUndefined();
      expect(meta('robots')).toBe('noindex');
    } else {
      expect(canonical).toBe(canonicalOf(page));
    }
    expect(meta('description')?.length).toBeGreaterThan(20);
    expect($('title').text()).toContain(siteConfig.name);
  });

  test('has Open Graph and Twitter card tags with an absolute image that exists', () => {
    expect(meta('og:title')).toBeTruthy();
    expect(meta('og:description')).toBe(meta('description'));
    expect(meta('og:url')).toBe($('link[rel="canonical"]').attr('href'));
    expect(meta('og:type')).toMatch(/^(website|article)$/);
    const image = meta('og:image') ?? '';
    expect(fs.existsSync(servedFile(image)), image).toBe(true);
    expect(meta('og:image:alt')).toBeTruthy();
    expect(meta('twitter:card')).toBe('summary_large_image');
    // X reads the title, description and image from the Open Graph tags; repeating them cost every page bytes.
    expect(meta('twitter:title') ?? meta('twitter:image')).toBeUndefined();
  });

  test('links the icons, the manifest and the three bulletin feeds, all present in the build', () => {
    const hrefs = (selector: string) =>
      $(selector)
        .toArray()
        .map((el) => $(el).attr('href') ?? '');
    const feeds = $('link[rel="alternate"]')
      .toArray()
      .map((el) => `${$(el).attr('href')} ${$(el).attr('type')}`);
    // Specification pages add their own feed of changes after these.
    expect(feeds.slice(0, 3)).toEqual([
      '/bulletins/feed.xml application/rss+xml',
      '/bulletins/atom.xml application/atom+xml',
      '/bulletins/feed.json application/feed+json',
    ]);
    const linked = [
      ...hrefs('link[rel="alternate"]'),
      ...hrefs('link[rel="icon"]'),
      ...hrefs('link[rel="apple-touch-icon"]'),
    ];
    linked.push(...hrefs('link[rel="manifest"]'));
    expect(hrefs('link[rel="icon"]').length).toBeGreaterThan(0);
    expect(hrefs('link[rel="manifest"]')).toEqual(['/manifest.webmanifest']);
    for (const href of linked) expect(fs.existsSync(path.join(DIST, href)), href).toBe(true);
  });
});

describe.each(issues.map((issue) => [issue.id, issue] as const))('the structured data of bulletin %s', (id, issue) => {
  const $ = cheerio.load(fs.readFileSync(path.join(DIST, 'bulletins', id, 'index.html'), 'utf8'));

  test('describes it as a schema.org NewsArticle', () => {
    const blocks = $('script[type="application/ld+json"]').toArray();
    expect(blocks).toHaveLength(1);
    const data = JSON.parse($(blocks[0]).text());
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: issue.title,
      datePublished: issue.date,
      url: `${site}/bulletins/${id}/`,
      publisher: { '@type': 'Organization', name: siteConfig.organisation },
    });
    for (const image of data.image) expect(fs.existsSync(servedFile(image)), image).toBe(true);
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
  });
});

describe('sitemap.xml and robots.txt', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });

  test('robots.txt names the sitemap by its absolute address', () => {
    const robots = fs.readFileSync(path.join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${site}/sitemap.xml\n`);
  });

  test('the sitemap lists every page but the 404 page and the permanent copies of the current version, and nothing else', () => {
    const index = parser.parse(fs.readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8'));
    const listed = index.sitemapindex.sitemap.flatMap((entry: { loc: string }) => {
      const part = parser.parse(fs.readFileSync(servedFile(entry.loc), 'utf8'));
      return part.urlset.url.map((url: { loc: string }) => url.loc);
    });
    const expected = pages
      .filter((page) => page !== '/404.html' && !isPermanentCopy(page, current))
      .map((page) => `${site}${page}`);
    expect(pages).toContain(`/specification/${current}/`);
    expect([...listed].sort()).toEqual(expected.sort());
  });

  test('the sitemap lists each published issue', () => {
    const text = fs.readFileSync(path.join(DIST, 'sitemap-0.xml'), 'utf8');
    for (const issue of issues) expect(text).toContain(`<loc>${site}/bulletins/${issue.id}/</loc>`);
  });
});

describe('manifest.webmanifest', () => {
  test('names the site and its icons, which exist', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.name).toContain(siteConfig.name);
    expect(manifest.start_url).toBe('/');
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest.icons) expect(fs.existsSync(path.join(DIST, icon.src)), icon.src).toBe(true);
  });
});
