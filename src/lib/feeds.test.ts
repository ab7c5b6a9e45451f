import { describe, expect, it } from 'vitest';
import { parseJsonFeed, parseXmlFeed } from '../../e2e/support/feeds.ts';
import { atomFeed, feedUpdated, jsonFeed, rssFeed, tightCdata, type FeedChannel, type FeedEntry } from './feeds.ts';

const site = 'https://ld.example.org';
const channel: FeedChannel = {
  title: 'Liaison and Diversion Bulletin',
  description: 'News from the programme.',
  homeUrl: `${site}/bulletins/`,
  feedUrls: {
    rss: `${site}/bulletins/feed.xml`,
    atom: `${site}/bulletins/atom.xml`,
    json: `${site}/bulletins/feed.json`,
  },
  author: 'NHS England',
  language: 'en-GB',
  iconUrl: `${site}/assets/images/nhsuk-icon-512.png`,
  faviconUrl: `${site}/favicon.ico`,
  updated: new Date('2015-07-20'),
};
// Synthetic entries: markup that needs escaping, and a CDATA terminator inside the content.
const entries: FeedEntry[] = [
  {
    url: `${site}/bulletins/2015-07/`,
    title: 'Synthetic issue: July & August',
    summary: 'A summary with <angle brackets>.',
    html: '<h2>Wave 2</h2><p>See <a href="https://ld.example.org/specification/">the specification</a> ]]> here.</p>',
    published: new Date('2015-07-20'),
    topics: ['wave 2', 'workforce'],
  },
  {
    url: `${site}/bulletins/2015-05/`,
    title: 'Synthetic issue: May',
    summary: 'Older.',
    html: '<p>First.</p>',
    published: new Date('2015-05-27'),
    topics: [],
  },
];

describe('rssFeed', () => {
  it('is RSS 2.0 a feed parser reads back, items in the order given with full content', () => {
    const feed = parseXmlFeed(rssFeed(channel, entries));
    expect(feed.meta.type).toBe('rss');
    expect(feed.meta.version).toBe('2.0');
    expect(feed.title).toBe(channel.title);
    expect(feed.url).toBe(channel.homeUrl);
    expect(feed.self).toBe(channel.feedUrls.rss);
    expect(feed.items.map((item) => [item.id, item.title, item.url])).toEqual([
      [`${site}/bulletins/2015-07/`, 'Synthetic issue: July & August', `${site}/bulletins/2015-07/`],
      [`${site}/bulletins/2015-05/`, 'Synthetic issue: May', `${site}/bulletins/2015-05/`],
    ]);
    expect(feed.items[0].content).toBe(entries[0].html);
    expect(feed.items[0].description).toBe('A summary with <angle brackets>.');
    // Readers show an RSS description as HTML: a plain-text summary's brackets must stay text there.
    expect(rssFeed(channel, entries)).toContain(
      '<description><![CDATA[A summary with &lt;angle brackets&gt;.]]></description>',
    );
    expect(feed.items[0].published?.toISOString()).toBe('2015-07-20T00:00:00.000Z');
    // So is a title (issue 23): markup in it arrives as characters, never as an element inside CDATA.
    const hostile = { ...entries[1], title: 'Synthetic <img src=x onerror=alert(1)> & more' };
    const xml = rssFeed(channel, [hostile]);
    expect(xml).toContain('<title><![CDATA[Synthetic &lt;img src=x onerror=alert(1)&gt; &amp; more]]></title>');
    expect(xml).not.toContain('<img');
    expect(parseXmlFeed(xml).items[0].title).toBe(hostile.title);
    expect(feed.items[0].categories.map((c) => c.term)).toEqual(['wave 2', 'workforce']);
  });
});

describe('atomFeed', () => {
  it('is Atom 1.0 a feed parser reads back, with ids, dates, summary and HTML content', () => {
    const feed = parseXmlFeed(atomFeed(channel, entries));
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe(channel.title);
    expect(feed.self).toBe(channel.feedUrls.atom);
    expect(feed.updated?.toISOString()).toBe('2015-07-20T00:00:00.000Z');
    expect(feed.items.map((item) => item.id)).toEqual([`${site}/bulletins/2015-07/`, `${site}/bulletins/2015-05/`]);
    expect(feed.items[0].url).toBe(`${site}/bulletins/2015-07/`);
    expect(feed.items[0].content).toBe(entries[0].html);
    expect(feed.items[0].description).toBe('A summary with <angle brackets>.');
    expect(feed.items[1].updated?.toISOString()).toBe('2015-05-27T00:00:00.000Z');
  });
});

describe('jsonFeed', () => {
  it('is valid JSON Feed 1.1 with full content', () => {
    const feed = parseJsonFeed(jsonFeed(channel, entries));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(channel.feedUrls.json);
    expect(feed.items.map((item) => item.id)).toEqual([`${site}/bulletins/2015-07/`, `${site}/bulletins/2015-05/`]);
    expect(feed.items[0]).toMatchObject({
      title: 'Synthetic issue: July & August',
      content_html: entries[0].html,
      date_published: '2015-07-20T00:00:00.000Z',
      tags: ['wave 2', 'workforce'],
    });
  });

  it('is still valid with no items', () => {
    expect(parseJsonFeed(jsonFeed(channel, [])).items).toEqual([]);
  });
});

describe('the JSON Feed check the tests rely on', () => {
  it('rejects a JSON Feed 1.0 document and an item without content', () => {
    const v10 = { version: 'https://jsonfeed.org/version/1', title: 'x', items: [] };
    expect(() => parseJsonFeed(JSON.stringify(v10))).toThrow(/version/);
    const noContent = { version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1' }] };
    expect(() => parseJsonFeed(JSON.stringify(noContent))).toThrow(/content_html/);
  });
});

describe('feedUpdated', () => {
  it('is the newest entry date, or the fallback for an empty feed', () => {
    expect(feedUpdated(entries, new Date('2030-01-01')).toISOString()).toBe('2015-07-20T00:00:00.000Z');
    expect(feedUpdated([], new Date('2030-01-01')).toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});

describe('tightCdata', () => {
  it('drops only the whitespace between an element and its CDATA section', () => {
    expect(tightCdata('<title>\n  <![CDATA[A & B]]>\n</title>\n<x> y </x>')).toBe(
      '<title><![CDATA[A & B]]></title>\n<x> y </x>',
    );
  });
});
