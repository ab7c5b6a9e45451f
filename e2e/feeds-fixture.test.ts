import * as cheerio from 'cheerio';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEED_SIZE } from '../src/lib/feeds.ts';
import { siteConfig } from '../src/site.config.ts';
import { buildSite } from './support/build.ts';
import { parseJsonFeed, parseXmlFeed } from './support/feeds.ts';

// The real content's programme, data and specification, with SYNTHETIC bulletins in place of the real
// ones: a Markdown issue with relative links and an image, one with hand-written HTML, an MDX file (never
// read: content is Markdown only), a draft, an issue dated after the
// build, and enough older filler issues to fill the feeds past FEED_SIZE. Built with another SITE_URL into a temporary folder (never dist/).
const SITE = 'https://ld.example.org';
const bulletins: Record<string, string> = {
  '2015-05.md': `---
title: "Synthetic issue for tests: May 2015"
date: 2015-05-27
summary: "Synthetic test content: relative links and an image."
---

## First

See [the archive](../), [the specification](/specification/) and [the second part](#second).

![A synthetic chart for tests](/assets/images/nhsuk-icon-192.png)

## Second {#second}

Synthetic closing words.
`,
  '2015-07.md': `---
title: "Synthetic issue with hand-written HTML for tests: July 2015"
date: 2015-07-22
summary: "Synthetic test content with HTML written by hand."
---

## Written with HTML

This paragraph names <abbr title="a synthetic scheme">ASS</abbr> and links to <a href="/programme/">the programme</a>.
`,
  // Content is Markdown only: an MDX file is never read, so its code never runs and it is published nowhere.
  '2015-08.mdx': `---
title: "Synthetic MDX issue for tests: August 2015"
date: 2015-08-19
summary: "Synthetic MDX that must never be published."
---

export const scheme = 'a synthetic MDX scheme';

## Written in MDX {scheme}
`,
  '2015-09.md': `---
title: "Synthetic draft for tests: September 2015"
date: 2015-09-23
summary: "Synthetic draft that must never be published."
draft: true
---

Draft words.
`,
  // Dated after the build's BUILD_DATE (2016-01-01): scheduled, so not published yet.
  '2016-03.md': `---
title: "Synthetic scheduled issue for tests: March 2016"
date: 2016-03-23
summary: "Synthetic issue dated after the build, which must not be published yet."
---

Scheduled words.
`,
};

// Monthly filler issues before May 2015, so that FEED_SIZE + 1 issues are published in all.
const fillers = Array.from({ length: FEED_SIZE - 1 }, (_, index) =>
  new Date(Date.UTC(2015, 4 - (FEED_SIZE - 1) + index, 1)).toISOString().slice(0, 7),
);
for (const month of fillers) {
  bulletins[`${month}.md`] = `---
title: "Synthetic filler issue for tests: ${month}"
date: ${month}-15
summary: "Synthetic test content that only fills the feed."
---

Synthetic filler.
`;
}
const published = ['2015-07', '2015-05', ...fillers.toReversed()];

let out: string;
let content: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-feeds-fixture-'));
  content = path.join(root, 'content');
  out = path.join(root, 'dist');
  fs.cpSync(siteConfig.contentDir, content, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}bulletins`),
  });
  fs.mkdirSync(path.join(content, 'bulletins'));
  for (const [name, text] of Object.entries(bulletins)) fs.writeFileSync(path.join(content, 'bulletins', name), text);
  await buildSite({ contentDir: content, outDir: out, env: { SITE_URL: SITE, BUILD_DATE: '2016-01-01' } });
});
afterAll(() => {
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

describe('feeds built from synthetic content', () => {
  const items = () => {
    const rss = parseXmlFeed(read('bulletins/feed.xml')).items;
    const atom = parseXmlFeed(read('bulletins/atom.xml')).items;
    const json = parseJsonFeed(read('bulletins/feed.json')).items;
    return {
      rss: rss.map((item) => ({ id: item.id, html: item.content ?? '' })),
      atom: atom.map((item) => ({ id: item.id, html: item.content ?? '' })),
      json: json.map((item) => ({ id: item.id, html: item.content_html ?? '' })),
    };
  };

  test(`list the ${FEED_SIZE} newest published issues, never a draft, a scheduled issue or an MDX file`, () => {
    expect(published).toHaveLength(FEED_SIZE + 1);
    for (const feed of Object.values(items())) {
      expect(feed.map((item) => item.id)).toEqual(
        published.slice(0, FEED_SIZE).map((id) => `${SITE}/bulletins/${id}/`),
      );
    }
    // The oldest published issue has left the feeds but not the site.
    expect(read('bulletins/feed.json')).not.toContain(`/bulletins/${published.at(-1)}/`);
    expect(fs.existsSync(path.join(out, 'bulletins', published.at(-1) ?? '', 'index.html'))).toBe(true);
    for (const file of ['bulletins/feed.xml', 'bulletins/atom.xml', 'bulletins/feed.json', 'sitemap-0.xml']) {
      for (const unpublished of ['2015-09', 'Synthetic draft', '2016-03', 'Synthetic scheduled', '2015-08', 'MDX']) {
        expect(read(file), `${file}: ${unpublished}`).not.toContain(unpublished);
      }
    }
    expect(fs.existsSync(path.join(out, 'bulletins/2015-09'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'bulletins/2016-03'))).toBe(false);
    expect(fs.existsSync(path.join(out, 'bulletins/2015-08'))).toBe(false);
  });

  test('make every relative link and image address absolute, against SITE_URL', () => {
    for (const feed of Object.values(items())) {
      const $ = cheerio.load(feed[1].html);
      const links = $('a')
        .toArray()
        .map((a) => $(a).attr('href'));
      expect(links).toEqual([`${SITE}/bulletins/`, `${SITE}/specification/`, `${SITE}/bulletins/2015-05/#second`]);
      expect($('img').attr('src')).toBe(`${SITE}/assets/images/nhsuk-icon-192.png`);
      expect($('img').attr('alt')).toBe('A synthetic chart for tests');
    }
  });

  test('carry hand-written HTML that the allowlist keeps', () => {
    for (const feed of Object.values(items())) {
      const $ = cheerio.load(feed[0].html);
      expect($('p').text()).toBe('This paragraph names ASS and links to the programme.');
      expect($('abbr').attr('title')).toBe('a synthetic scheme');
      expect($('a').attr('href')).toBe(`${SITE}/programme/`);
    }
  });
});

describe('email editions built from synthetic content', () => {
  test('exist for published issues only', () => {
    for (const id of ['2015-05', '2015-07']) {
      expect(fs.existsSync(path.join(out, 'bulletins', id, 'email.html')), id).toBe(true);
      expect(fs.existsSync(path.join(out, 'bulletins', id, 'email.txt')), id).toBe(true);
    }
  });

  test('show images by absolute address with their alt text, and write links out in the text', () => {
    const $ = cheerio.load(read('bulletins/2015-05/email.html'));
    const chart = $('img[alt="A synthetic chart for tests"]');
    expect(chart.attr('src')).toBe(`${SITE}/assets/images/nhsuk-icon-192.png`);
    expect(chart.attr('style')).toBeTruthy();
    const text = read('bulletins/2015-05/email.txt').replace(/\s+/g, ' ');
    expect(text).toContain(`See the archive <${SITE}/bulletins/>, the specification <${SITE}/specification/>`);
    expect(text).toContain(`A synthetic chart for tests <${SITE}/assets/images/nhsuk-icon-192.png>`);
  });
});

test('robots.txt and the canonical links follow SITE_URL', () => {
  expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  const $ = cheerio.load(read('bulletins/2015-05/index.html'));
  expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}/bulletins/2015-05/`);
  expect($('meta[property="og:image"]').attr('content')).toBe(`${SITE}/og-image.png`);
});
