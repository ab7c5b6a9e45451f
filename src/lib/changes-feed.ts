import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { generateAtomFeed } from 'feedsmith';
import { atomEntry } from './feeds.ts';
import type { ClauseLocation } from './clause-map.ts';
import type { SectionChanges } from './version-changes.ts';

/** One version's entry in the feed of specification changes. */
export interface ChangesEntry {
  /** Absolute URL of the version's changes page; also the entry's permanent id. */
  url: string;
  title: string;
  /** One sentence: the counts, or what the version is. */
  summary: string;
  html: string;
  published: Date;
}

/** What the feed says about itself. */
export interface ChangesFeed {
  title: string;
  subtitle: string;
  /** Absolute URL of the specification's contents, the feed's home page. */
  homeUrl: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  author: string;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const el = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/**
 * A version's changes as plain HTML for feed readers: one list per kind of change, each clause linked.
 * @example changesHtml(groups, (l) => `https://example.org/specification/${l.slug}/#${l.clause.id}`, 'https://example.org/specification/2019/changes/')
 * // => '<h2>Added</h2><ul><li><a href="https://example.org/specification/who-the-service-is-for/#clause-all-ages">3.1 All ages</a></li>…'
 */
export function changesHtml(
  groups: readonly SectionChanges[],
  urlOf: (location: ClauseLocation) => string,
  pageUrl: string,
): string {
  const link = (location: ClauseLocation) =>
    el('a', [text(`${location.clause.number} ${location.clause.title}`)], { href: urlOf(location) });
  const lists: [string, ElementContent[][]][] = [
    ['Added', groups.flatMap((g) => g.added.map((l) => [link(l)]))],
    ['Removed', groups.flatMap((g) => g.removed.map((l) => [link(l)]))],
    ['Renumbered', groups.flatMap((g) => g.renumbered.map((p) => [link(p.before), text(' is now '), link(p.after)]))],
    ['Changed', groups.flatMap((g) => g.changed.map((p) => [link(p.after)]))],
  ];
  const children: ElementContent[] = lists
    .filter(([, items]) => items.length > 0)
    .flatMap(([heading, items]) => [
      el('h2', [text(heading)]),
      el(
        'ul',
        items.map((item) => el('li', item)),
      ),
    ]);
  children.push(el('p', [el('a', [text('See every change word by word')], { href: pageUrl })]));
  return toHtml({ type: 'root', children });
}

/**
 * A sentence as an HTML paragraph, escaped.
 * @example paragraphHtml('Fish & chips') // => '<p>Fish &#x26; chips</p>'
 */
export function paragraphHtml(sentence: string): string {
  return toHtml(el('p', [text(sentence)]));
}

/**
 * The Atom feed of specification changes, one entry per version, newest first.
 * It is dated by its newest entry, so rebuilding the same content gives the same bytes.
 * @example changesAtom(feed, entries) // => '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">…'
 */
export function changesAtom(feed: ChangesFeed, entries: readonly ChangesEntry[]): string {
  const sorted = [...entries].sort((a, b) => b.published.getTime() - a.published.getTime());
  return generateAtomFeed(
    {
      id: feed.homeUrl,
      title: { value: feed.title },
      subtitle: { value: feed.subtitle },
      updated: sorted[0]?.published ?? new Date(0),
      authors: [{ name: feed.author }],
      links: [
        { href: feed.homeUrl, rel: 'alternate', type: 'text/html' },
        { href: feed.selfUrl, rel: 'self', type: 'application/atom+xml' },
      ],
      entries: sorted.map(atomEntry),
    },
    { strict: true },
  );
}
