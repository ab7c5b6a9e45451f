import { createHash } from 'node:crypto';

/** What a collection entry contributes to a cache key: its id and Astro's digest of its file. */
interface Digested {
  id: string;
  digest?: string;
}

/**
 * A page's `cacheKey` for Astro's incremental builds (`experimental.incrementalBuild`): a hash of
 * everything the page shows that Astro does not track itself. Astro already re-renders a page when its
 * code (route, layouts, components, styles, helpers) or the site's configuration (`site`, so
 * SITE_URL, and the Markdown pipeline, see astro.config.mjs) changes; it does not see the content and
 * data a page reads, so the route passes them here: its own entry, its neighbours, the data files it
 * shows, and anything that depends on the build date. An entry stands for itself by its digest,
 * which changes with any byte of its file.
 * @example cacheKey(bulletin, { previous: 'April 2015' }) // => '3f1c…'
 */
export function cacheKey(...parts: unknown[]): string {
  const text = JSON.stringify(parts, (_key, value: unknown) => {
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object' && 'digest' in value && 'id' in value) {
      const { id, digest } = value as Digested;
      return { id, digest };
    }
    return value;
  });
  return createHash('sha256').update(text).digest('base64url');
}
