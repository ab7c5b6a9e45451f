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
