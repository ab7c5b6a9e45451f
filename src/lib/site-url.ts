import { siteConfig } from '../site.config.ts';

/**
 * An absolute address on this site, from a path, for anything read away from the site: feeds, email,
 * link previews, sitemaps.
 * @example siteUrl('/bulletins/') // => 'https://<SITE_URL>/bulletins/'
 */
export function siteUrl(path: string): string {
  return new URL(path, `${siteConfig.url}/`).href;
}
