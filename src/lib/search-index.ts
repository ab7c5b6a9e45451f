import { isoDay } from './dates.ts';

/** What a content page is, as the search index needs it. */
export type SearchEntry =
  | { type: 'Bulletin'; date: Date }
  | {
      type: 'Specification';
      version: string;
      current: boolean;
      /** Whether the page is the official text or a summary, in a few words (src/lib/specification-standing.ts). */
      standing: string;
    }
  /** A comparison of a version with the one before ("what changed"): found with its version's sections. */
  | { type: 'Changes'; version: string; previous: string }
  | { type: 'Programme'; lastReviewed: Date };

/**
 * The attributes of a content page's h1: it is the result's title, and the strongest signal on the page
 * (Pagefind's default weight for an h1 is 7). A superseded specification section weighs less, so the current
 * section with the same title ranks first (Pagefind otherwise favours the shorter, older page).
 * @example titleAttributes({ type: 'Specification', version: '2014', current: false })
 * // => { 'data-pagefind-meta': 'title', 'data-pagefind-weight': '6' }
 */
export function titleAttributes(entry: SearchEntry): Record<string, string> {
  const superseded = entry.type === 'Specification' && !entry.current;
  return { 'data-pagefind-meta': 'title', 'data-pagefind-weight': superseded ? '6' : '10' };
}

/**
 * Search weight of a numbered clause heading: above other headings (h2 is 6), lower in superseded versions.
 * @example clauseSearchWeight(true) // => '8'
 */
export function clauseSearchWeight(current: boolean): string {
  return current ? '8' : '4';
}

/** A short label shown under a search result's title. */
function labelOf(entry: SearchEntry): string {
  if (entry.type === 'Bulletin') return 'Bulletin';
  if (entry.type === 'Programme') return 'Programme page';
  if (entry.type === 'Changes')
    return `What changed from the ${entry.previous} version to the ${entry.version} version`;
  return `Service specification ${entry.version}${entry.current ? '' : ' (superseded)'}`;
}

/**
 * Sort key for "newest first": a bulletin's publication date, a programme page's review date,
 * a specification section's version year. Every indexed page needs one: Pagefind drops pages without it when sorting.
 */
function sortDateOf(entry: SearchEntry): string {
  if (entry.type === 'Bulletin') return isoDay(entry.date);
  if (entry.type === 'Programme') return isoDay(entry.lastReviewed);
  return entry.version;
}

/**
 * The `data-pagefind-*` attributes for a content page's main column: it is the only part indexed,
 * with its filters (type; year or version), metadata (label; date for bulletins) and sort key.
 * Values sit in `data-search-*` attributes so they never need escaping inside Pagefind's comma-separated syntax.
 * @example searchAttributes({ type: 'Bulletin', date: new Date('2015-05-27') })
 * // => { 'data-pagefind-body': '', 'data-pagefind-filter': 'type[data-search-type], year[data-search-year]', … }
 */
export function searchAttributes(entry: SearchEntry): Record<string, string> {
  const attributes: Record<string, string> = {
    'data-pagefind-body': '',
    // A comparison is filtered with the specification, by its version.
    'data-search-type': entry.type === 'Changes' ? 'Specification' : entry.type,
    'data-search-label': labelOf(entry),
    'data-search-sort': sortDateOf(entry),
    'data-pagefind-sort': 'date[data-search-sort]',
    'data-pagefind-filter': 'type[data-search-type]',
    // What the page is, for the search page's results: a comparison reads differently from a section.
    'data-search-kind': entry.type.toLowerCase(),
    'data-pagefind-meta': 'label[data-search-label], kind[data-search-kind]',
  };
  if (entry.type === 'Bulletin') {
    attributes['data-search-year'] = String(entry.date.getUTCFullYear());
    attributes['data-search-date'] = isoDay(entry.date);
    attributes['data-pagefind-filter'] += ', year[data-search-year]';
    attributes['data-pagefind-meta'] += ', date[data-search-date]';
  }
  if (entry.type === 'Specification' || entry.type === 'Changes') {
    attributes['data-search-version'] = entry.version;
    attributes['data-pagefind-filter'] += ', version[data-search-version]';
  }
  if (entry.type === 'Specification') {
    // Every result from a specification page, and each of its clauses, can say what the text is.
    attributes['data-search-standing'] = entry.standing;
    attributes['data-pagefind-meta'] += ', standing[data-search-standing]';
  }
  return attributes;
}
