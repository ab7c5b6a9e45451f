import fs from 'node:fs';
import path from 'node:path';
import { formatDate } from '../../src/lib/dates.ts';
import { isPublished, unpublishedReason } from '../../src/lib/publishing.ts';
import { sectionPath, sectionSlug, versionsOf } from '../../src/lib/specification.ts';
import { changesUrl, contentsUrl, permanentSectionUrl } from '../../src/lib/specification-urls.ts';
import type { SiteMap, SitePage } from './links.ts';
import type { ContentEntry, DataEntry } from './read-content.ts';
import { staticRoutes } from './site-urls.ts';

/** Ids every page has from the layout, whatever its content. */
const LAYOUT_ANCHORS = ['maincontent'];

/**
 * The newest specification version, which lives at `/specification/<slug>/`.
 * Sections with unreadable frontmatter fall back to their folder's name.
 */
export function currentVersion(entries: readonly ContentEntry[]): string {
  const sections = entries
    .filter((e) => e.collection === 'specification')
    .map((e) => ({ id: e.id, data: { section: 0, version: versionOf(e) } }));
  return versionsOf(sections)[0] ?? '';
}

function versionOf(entry: ContentEntry): string {
  return entry.collection === 'specification' && entry.data ? entry.data.version : entry.relPath.split('/')[0];
}

/**
 * The URL a content entry is published at, matching the routes in src/pages.
 * @example urlOf(bulletin2015_05, '2019') // => '/bulletins/2015-05/'
 */
export function urlOf(entry: ContentEntry, current: string): string {
  switch (entry.collection) {
    case 'bulletins':
      return `/bulletins/${entry.id}/`;
    case 'programme':
      return `/programme/${entry.id}/`;
    case 'specification':
      return sectionPath(entry.id, versionOf(entry), current);
  }
}

/** Whether readers of a production build see the entry, and if not, why, for messages. */
export function publication(entry: ContentEntry, buildDate: Date): Pick<SitePage, 'published' | 'unpublished'> {
  if (entry.collection !== 'bulletins' || !entry.data) return { published: true };
  if (isPublished(entry.data, buildDate)) return { published: true };
  const reason = unpublishedReason(entry.data, buildDate);
  return {
    published: false,
    unpublished: reason === 'draft' ? 'a draft' : `scheduled for ${formatDate(entry.data.date)}`,
  };
}

/** Files under a folder as site paths: `public/assets/x.svg` => `/assets/x.svg`. */
function publicPaths(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => `/${path.relative(folder, path.join(f.parentPath, f.name)).split(path.sep).join('/')}`);
}

/** Page files under src/pages, relative to it. */
function pageFiles(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => path.relative(folder, path.join(f.parentPath, f.name)).split(path.sep).join('/'));
}

/**
 * Every URL the built site will have, with the anchors of each content page: routes from
 * `src/pages`, files from `public/`, and a page for each entry of the content collections.
 */
export function buildSiteMap(
  entries: readonly ContentEntry[],
  dataEntries: readonly DataEntry[],
  options: { root: string; buildDate: Date },
): SiteMap {
  const site = new Map<string, SitePage>();
  for (const url of staticRoutes(pageFiles(path.join(options.root, 'src', 'pages'))))
    site.set(url, { published: true });
  for (const url of publicPaths(path.join(options.root, 'public'))) site.set(url, { published: true });

  const current = currentVersion(entries);
  // The pages src/pages/specification/[version]/ makes: contents of each version at its permanent address
  // (/specification/<version>/, the current one's too), changes of each.
  const versions = new Set(entries.filter((e) => e.collection === 'specification').map(versionOf));
  for (const version of versions) {
    site.set(contentsUrl(version, ''), { published: true });
    site.set(changesUrl(version), { published: true });
  }
  const glossaryAnchors = dataEntries.filter((d) => d.collection === 'glossary').map((d) => `term-${d.id}`);
  const years = new Set<string>();
  for (const entry of entries) {
    const anchors = new Set([...(entry.facts?.anchors.map((a) => a.id) ?? []), ...LAYOUT_ANCHORS]);
    const data = entry.data as { sources?: unknown[]; table?: string } | undefined;
    if (data?.sources?.length) anchors.add('sources-heading');
    if (data?.table === 'glossary') glossaryAnchors.forEach((a) => anchors.add(a));
    const state = publication(entry, options.buildDate);
    if (entry.collection === 'bulletins' && entry.data && state.published)
      years.add(String(entry.data.date.getUTCFullYear()));
    // Without readable text the anchors are unknown: do not report links to them as broken.
    const page = { anchors: entry.facts ? anchors : undefined, ...state };
    site.set(urlOf(entry, current), page);
    // The current version's sections are also at their permanent address, which citations use.
    if (entry.collection === 'specification' && versionOf(entry) === current)
      site.set(permanentSectionUrl(current, sectionSlug(entry.id)), page);
  }
  if (site.has('/bulletins/')) {
    site.set('/bulletins/', {
      published: true,
      anchors: new Set([...[...years].map((y) => `year-${y}`), ...LAYOUT_ANCHORS]),
    });
  }
  return site;
}
