import * as cheerio from 'cheerio';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isoDay } from '../src/lib/dates.ts';
import { FEED_SIZE } from '../src/lib/feeds.ts';
import { siteConfig } from '../src/site.config.ts';
import { publishedIssues } from './support/content.ts';
import { addressesIn, parseJsonFeed, parseXmlFeed } from './support/feeds.ts';

// Reads the feeds of the built site in dist/ (run `npm run build` first, with the same SITE_URL and BUILD_DATE).
const DIST = 'dist';
const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');
const issueUrl = (id: string) => `${siteConfig.url}/bulletins/${id}/`;
const expected = publishedIssues(siteConfig.contentDir, isoDay(siteConfig.buildDate)).slice(0, FEED_SIZE);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The words of the issue as its page shows them, to check a feed carries the whole issue. */
function pageText(id: string): string {
  const $ = cheerio.load(read(`bulletins/${id}/index.html`));
  return squash($('main article').text());
}

const feeds = {
  'RSS 2.0': () => {
    const feed = parseXmlFeed(read('bulletins/feed.xml'));
    expect(feed.meta.type).toBe('rss');
    expect(feed.meta.version).toBe('2.0');
    expect(feed.self).toBe(`${siteConfig.url}/bulletins/feed.xml`);
    return feed.items.map((item) => ({ id: item.id, url: item.url, title: item.title, html: item.content }));
  },
  'Atom 1.0': () => {
    const feed = parseXmlFeed(read('bulletins/atom.xml'));
    expect(feed.meta.type).toBe('atom');
    expect(feed.self).toBe(`${siteConfig.url}/bulletins/atom.xml`);
    return feed.items.map((item) => ({ id: item.id, url: item.url, title: item.title, html: item.content }));
  },
  'JSON Feed 1.1': () => {
    const feed = parseJsonFeed(read('bulletins/feed.json'));
    expect(feed.feed_url).toBe(`${siteConfig.url}/bulletins/feed.json`);
    return feed.items.map((item) => ({ id: item.id, url: item.url, title: item.title, html: item.content_html }));
  },
};

describe.each(Object.entries(feeds))('the %s feed', (_name, readFeed) => {
  const items = readFeed();

  test(`has the ${FEED_SIZE} newest published issues (or all, if fewer), newest first, and nothing else`, () => {
    expect(items.map((item) => item.id)).toEqual(expected.map((issue) => issueUrl(issue.id)));
    expect(items.map((item) => item.url)).toEqual(expected.map((issue) => issueUrl(issue.id)));
    expect(items.map((item) => item.title)).toEqual(expected.map((issue) => issue.title));
  });

  test('carries each issue in full, as its page shows it', () => {
    for (const [index, item] of items.entries()) {
      const text = squash(cheerio.load(item.html ?? '').text());
      expect(text.length).toBeGreaterThan(0);
      expect(pageText(expected[index].id)).toContain(text);
    }
  });

  test('links only to absolute addresses', () => {
    for (const item of items) {
      for (const address of addressesIn(item.html ?? '')) expect(address).toMatch(/^(https?:|mailto:)/);
    }
  });
});
