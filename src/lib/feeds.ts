import { escapeUTF8 } from 'entities';
import { generateAtomFeed, generateJsonFeed, generateRssFeed } from 'feedsmith';

/** One bulletin issue as every feed format needs it: addresses absolute, content as HTML. */
export interface FeedEntry {
  /** Absolute URL of the page; also its permanent id. */
  url: string;
  title: string;
  summary: string;
  /** The full HTML, with absolute links. */
  html: string;
  published: Date;
  topics: string[];
}

/** What the three feeds say about themselves. */
export interface FeedChannel {
  title: string;
  description: string;
  /** Absolute URL of the bulletin archive, the feeds' home page. */
  homeUrl: string;
  /** Absolute URLs of each format, so each feed can name itself and its siblings. */
  feedUrls: Record<FeedFormat, string>;
  author: string;
  language: string;
  /** Absolute URL of a square icon. */
  iconUrl: string;
  /** Absolute URL of the favicon. */
  faviconUrl: string;
  /** When the feed last changed; the newest entry's date keeps rebuilds byte-identical. */
  updated: Date;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

/**
 * How many of the newest issues a feed carries. Readers poll a feed often, so it holds recent issues in
 * full rather than the whole archive: twenty is over three years of issues every two months.
 */
export const FEED_SIZE = 20;

/** The bulletin's feeds: where each lives, its media type and how readers know it. */
export const bulletinFeeds: Record<FeedFormat, { path: string; type: string; name: string }> = {
  rss: { path: '/bulletins/feed.xml', type: 'application/rss+xml', name: 'RSS' },
  atom: { path: '/bulletins/atom.xml', type: 'application/atom+xml', name: 'Atom' },
  json: { path: '/bulletins/feed.json', type: 'application/feed+json', name: 'JSON Feed' },
};

/**
 * The date a feed was last updated: its newest entry's, or `fallback` when it has none.
 * @example feedUpdated([{ published: new Date('2015-05-27') }], buildDate) // => 2015-05-27
 */
export function feedUpdated(entries: readonly Pick<FeedEntry, 'published'>[], fallback: Date): Date {
  const times = entries.map((entry) => entry.published.getTime());
  return times.length ? new Date(Math.max(...times)) : fallback;
}

/**
 * Removes the indentation feedsmith's pretty-printer puts around CDATA sections: inside an element it
 * becomes part of the text, so a title reads "\n  May 2015\n" to readers that do not trim it.
 * @example tightCdata('<title>\n  <![CDATA[A & B]]>\n</title>') // => '<title><![CDATA[A & B]]></title>'
 */
export function tightCdata(xml: string): string {
  return xml.replace(/>\s+<!\[CDATA\[/g, '><![CDATA[').replace(/\]\]>\s+<\//g, ']]></');
}

/**
 * RSS 2.0, with the full content in `content:encoded` and a self link as the RSS Advisory Board asks.
 * @example rssFeed(channel, entries) // => '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" …'
 */
export function rssFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const xml = generateRssFeed(
    {
      title: channel.title,
      link: channel.homeUrl,
      description: channel.description,
      language: channel.language,
      copyright: `© ${channel.author}`,
      lastBuildDate: channel.updated,
      image: { url: channel.iconUrl, title: channel.title, link: channel.homeUrl },
      atom: { links: [{ href: channel.feedUrls.rss, rel: 'self', type: bulletinFeeds.rss.type }] },
      items: entries.map((entry) => ({
        // Readers show an RSS title as HTML too (RSS 2.0 does not say which): a title is plain text, so
        // `<img onerror>` in it must arrive as those characters, not as an element inside the CDATA.
        title: escapeUTF8(entry.title),
        link: entry.url,
        guid: { value: entry.url, isPermaLink: true },
        // RSS readers show a description as HTML; a summary is plain text, so `<b>` in it must read as `<b>`.
        description: escapeUTF8(entry.summary),
        content: { encoded: entry.html },
        pubDate: entry.published,
        categories: entry.topics.map((name) => ({ name })),
      })),
    },
    { strict: true },
  );
  return tightCdata(xml);
}

/** What an Atom entry needs: the bulletin feeds and the specification changes feed share it. */
export interface AtomEntryInput {
  url: string;
  title: string;
  published: Date;
  summary: string;
  html: string;
}

/**
 * One Atom entry with its summary and full HTML content, dated by publication.
 * @example atomEntry({ url, title: 'May 2015', published, summary, html }) // => { id: url, title: { value: 'May 2015' }, … }
 */
export function atomEntry(entry: AtomEntryInput) {
  return {
    id: entry.url,
    title: { value: entry.title },
    links: [{ href: entry.url, rel: 'alternate', type: 'text/html' }],
    published: entry.published,
    updated: entry.published,
    summary: { value: entry.summary },
    content: { type: 'html', value: entry.html },
  };
}

/**
 * Atom 1.0, with the full content as HTML and the summary beside it.
 * @example atomFeed(channel, entries) // => '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">…'
 */
export function atomFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const xml = generateAtomFeed(
    {
      id: channel.homeUrl,
      title: { value: channel.title },
      subtitle: { value: channel.description },
      updated: channel.updated,
      authors: [{ name: channel.author }],
      icon: channel.faviconUrl,
      logo: channel.iconUrl,
      rights: { value: `© ${channel.author}` },
      links: [
        { href: channel.homeUrl, rel: 'alternate', type: 'text/html' },
        { href: channel.feedUrls.atom, rel: 'self', type: bulletinFeeds.atom.type },
      ],
      entries: entries.map((entry) => ({
        ...atomEntry(entry),
        categories: entry.topics.map((term) => ({ term })),
      })),
    },
    { strict: true },
  );
  return tightCdata(xml);
}

/**
 * JSON Feed 1.1, serialised with two-space indents.
 * @example jsonFeed(channel, entries) // => '{\n  "version": "https://jsonfeed.org/version/1.1", …'
 */
export function jsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const feed = generateJsonFeed(
    {
      title: channel.title,
      home_page_url: channel.homeUrl,
      feed_url: channel.feedUrls.json,
      description: channel.description,
      icon: channel.iconUrl,
      favicon: channel.faviconUrl,
      language: channel.language,
      authors: [{ name: channel.author }],
      items: entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title,
        content_html: entry.html,
        summary: entry.summary,
        date_published: entry.published,
        tags: entry.topics,
      })),
    },
    { strict: true },
  );
  // feedsmith drops empty arrays, but JSON Feed requires `items` even when there are none yet.
  return `${JSON.stringify({ ...(feed as object), items: (feed as { items?: unknown[] }).items ?? [] }, null, 2)}\n`;
}
