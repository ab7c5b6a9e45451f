/** What readers see of an issue on the build date: whether it is published, and whether its call to action is open. */

/** The least of a bulletin that decides whether readers see it. */
export interface Publishable {
  date: Date;
  draft: boolean;
}

/**
 * Whether an issue belongs in a production build made on `buildDate`: not a draft,
 * and not dated after the build (a scheduled issue appears in the first build on or after its date).
 * @example isPublished({ date: new Date('2015-05-27'), draft: false }, new Date('2015-05-27')) // => true
 */
export function isPublished(item: Publishable, buildDate: Date): boolean {
  return !item.draft && item.date.getTime() <= buildDate.getTime();
}

/**
 * Why an issue is left out of production builds, in words for a banner; nothing when it is published.
 * @example unpublishedReason({ date: new Date('2099-01-01'), draft: false }, today) // => 'scheduled'
 */
export function unpublishedReason(item: Publishable, buildDate: Date): 'draft' | 'scheduled' | undefined {
  if (item.draft) return 'draft';
  return item.date.getTime() > buildDate.getTime() ? 'scheduled' : undefined;
}

/**
 * Whether a call to action still asks readers to act on `today` (the build date): open to its closing
 * day inclusive. Page, email edition and cache key all decide it here.
 * @example isOpen({ closes: new Date('2015-06-30') }, new Date('2015-06-30')) // => true
 */
export function isOpen(action: { closes: Date }, today: Date): boolean {
  return today.getTime() <= action.closes.getTime();
}
