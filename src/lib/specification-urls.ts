import type { ClauseLocation } from './clause-map.ts';

/** Where the feed of specification changes lives. */
export const CHANGES_FEED_PATH = '/specification/changes.xml';

/**
 * Path segments under /specification/<version>/ that pages other than sections use, and under
 * /specification/ itself, where the current version's sections live (`print`: the whole document).
 */
export const RESERVED_SLUGS = ['changes', 'print'];

/**
 * The URL of a section in a version: the current version at `/specification/<slug>/`, older ones under their year.
 * @example sectionUrl('2014', 'the-persons-journey', '2019') // => '/specification/2014/the-persons-journey/'
 */
export function sectionUrl(version: string, slug: string, current: string): string {
  return version === current ? `/specification/${slug}/` : `/specification/${version}/${slug}/`;
}

/**
 * The permanent URL of a section in a version, the current one included: it always shows that
 * version's words, so citations use it. The current version is also at `sectionUrl`, which follows
 * whichever version is current and is the one search engines are pointed at (its canonical URL).
 * @example permanentSectionUrl('2019', 'the-persons-journey') // => '/specification/2019/the-persons-journey/'
 */
export function permanentSectionUrl(version: string, slug: string): string {
  return `/specification/${version}/${slug}/`;
}

/**
 * The permanent URL of a clause, for citations: its version's permanent section URL and its own id.
 * @example permanentClauseUrl({ version: '2019', slug: 'the-persons-journey', clause: { id: 'clause-screening' } })
 * // => '/specification/2019/the-persons-journey/#clause-screening'
 */
export function permanentClauseUrl(
  location: Pick<ClauseLocation, 'version' | 'slug'> & { clause: { id: string } },
): string {
  return `${permanentSectionUrl(location.version, location.slug)}#${location.clause.id}`;
}

/**
 * Whether a path is the permanent copy of a current-version page (`/specification/2019/<slug>/` or
 * `/specification/2019/` while 2019 is current): the same words as `/specification/<slug>/` or
 * `/specification/`, so it is left out of the sitemap.
 * @example isPermanentCopy('/specification/2019/the-persons-journey/', '2019') // => true
 */
export function isPermanentCopy(pathname: string, current: string): boolean {
  const match = /^\/specification\/(\d{4})\/(?:([^/]+)\/)?$/.exec(pathname);
  return Boolean(match && match[1] === current && !RESERVED_SLUGS.includes(match[2] ?? ''));
}

/**
 * The URL of a clause: its section's URL and the clause's own id.
 * @example clauseUrl({ version: '2019', slug: 'the-persons-journey', clause: { id: 'clause-screening' } }, '2019')
 * // => '/specification/the-persons-journey/#clause-screening'
 */
export function clauseUrl(
  location: Pick<ClauseLocation, 'version' | 'slug'> & { clause: { id: string } },
  current: string,
): string {
  return `${sectionUrl(location.version, location.slug, current)}#${location.clause.id}`;
}

/**
 * The contents page of a version.
 * @example contentsUrl('2014', '2019') // => '/specification/2014/'
 */
export function contentsUrl(version: string, current: string): string {
  return version === current ? '/specification/' : `/specification/${version}/`;
}

/**
 * The "changes in this version" page of a version.
 * @example changesUrl('2019') // => '/specification/2019/changes/'
 */
export function changesUrl(version: string): string {
  return `/specification/${version}/changes/`;
}
