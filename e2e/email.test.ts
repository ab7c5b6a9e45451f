import * as cheerio from 'cheerio';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isoDay } from '../src/lib/dates.ts';
import { siteConfig } from '../src/site.config.ts';
import { publishedIssues } from './support/content.ts';

// Reads the email editions in dist/ (run `npm run build` first, with the same SITE_URL and BUILD_DATE).
const DIST = 'dist';
const issues = publishedIssues(siteConfig.contentDir, isoDay(siteConfig.buildDate));
const GMAIL_CLIPS_AT = 102 * 1024;

test('there is at least one issue to check', () => {
  expect(issues.length).toBeGreaterThan(0);
});

describe.each(issues.map((issue) => [issue.id, issue] as const))('the email edition of %s', (id, issue) => {
  const folder = path.join(DIST, 'bulletins', id);
  const html = fs.readFileSync(path.join(folder, 'email.html'), 'utf8');
  const text = fs.readFileSync(path.join(folder, 'email.txt'), 'utf8');
  const $ = cheerio.load(html);

  test('is small enough for Gmail to show whole', () => {
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(GMAIL_CLIPS_AT);
  });

  test('has no script of any kind', () => {
    expect($('script, noscript, iframe, object, embed, form').length).toBe(0);
    expect(
      $('*')
        .toArray()
        .flatMap((element) => Object.keys($(element).attr() ?? {}).filter((name) => name.startsWith('on'))),
    ).toEqual([]);
    expect(html).not.toMatch(/javascript:/i);
  });

  test('is laid out with tables of a fixed width', () => {
    const outer = $('body > table');
    expect(outer.length).toBe(1);
    expect(outer.attr('role')).toBe('presentation');
    expect($('table[width="600"]').length).toBe(1);
  });

  test('has its styles inlined: no style element but for media queries, and styled elements', () => {
    for (const style of $('style').toArray()) expect($(style).text().trim()).toMatch(/^@media [^{]+\{[\s\S]*\}$/);
    expect($('link[rel="stylesheet"]').length).toBe(0);
    const unstyled = $('body, table, td, h1, h2, h3, p, ul, ol, a')
      .toArray()
      .filter((element) => !$(element).attr('style'))
      .map((element) => $.html(element).slice(0, 80));
    expect(unstyled).toEqual([]);
  });

  test('uses only absolute addresses, and every image has alt text', () => {
    const addresses = $('[href], [src]')
      .toArray()
      .map((element) => $(element).attr('href') ?? $(element).attr('src'));
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/^(https?:|mailto:)/);
    expect($('img').length).toBeGreaterThan(0);
    for (const image of $('img').toArray()) expect($(image).attr('alt')?.trim()).toBeTruthy();
  });

  test('has a plain-text version with the issue and every link written out', () => {
    expect(text).toContain(issue.title);
    expect(text).not.toMatch(/<\/?(html|body|p|a|h\d|table|tr|td|div|span|img|br)\b/i);
    const links = $('body a[href]')
      .toArray()
      .filter((element) => $(element).closest('.app-email__header').length === 0)
      .map((element) => $(element).attr('href'));
    expect(links).toContain(`${siteConfig.url}/bulletins/${id}/`);
    for (const link of links) expect(text).toContain(String(link));
  });

  test('is not offered to readers on the published issue page (editors find it in their guide)', () => {
    const page = cheerio.load(fs.readFileSync(path.join(folder, 'index.html'), 'utf8'));
    const hrefs = page('a')
      .toArray()
      .map((a) => page(a).attr('href') ?? '');
    expect(hrefs.filter((href) => href.includes('/email.'))).toEqual([]);
    expect(page('.app-editors').length).toBe(0);
  });
});
