import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * Every setting the generator reads from the environment, in one place.
 * `CONTENT_DIR` lets the same generator build fixture and benchmark corpora;
 * `SITE_URL` is the absolute address feeds, canonical links and sitemaps need.
 */
export const siteConfig = {
  name: 'Liaison and Diversion',
  organisation: 'NHS England',
  url: (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, ''),
  contentDir: path.resolve(process.env.CONTENT_DIR ?? 'content'),
  /**
   * Astro's cache (content store, incremental build cache), one per content folder, so that building test
   * or benchmark content never throws away the real site's.
   */
  get cacheDir() {
    return `node_modules/.astro/${createHash('sha256').update(this.contentDir).digest('hex').slice(0, 12)}/`;
  },
  /** "Today" for a static site: the build's date, or `BUILD_DATE=YYYY-MM-DD` for tests. */
  buildDate: new Date(process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10)),
};
