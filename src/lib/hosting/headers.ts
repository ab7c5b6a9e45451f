import type { HostingSettings } from '../../schemas/hosting.ts';

/**
 * The Content-Security-Policy header value, directives in the data file's order.
 * @example contentSecurityPolicy({ 'default-src': ["'none'"], 'img-src': ["'self'"] }) // => "default-src 'none'; img-src 'self'"
 */
export function contentSecurityPolicy(directives: HostingSettings['contentSecurityPolicy']): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * Every header sent with every response, the CSP first, as [name, value] pairs.
 * @example securityHeaders(settings)[0] // => ['Content-Security-Policy', "default-src 'none'; …"]
 */
export function securityHeaders(settings: HostingSettings): [string, string][] {
  return [
    ['Content-Security-Policy', contentSecurityPolicy(settings.contentSecurityPolicy)],
    ...Object.entries(settings.headers),
  ];
}

/**
 * The Cache-Control value for a URL path: the first rule whose prefix starts it, else the default.
 * @example cacheControlFor(settings, '/_astro/Base.CzGJX0UW.css') // => 'public, max-age=31536000, immutable'
 */
export function cacheControlFor(settings: HostingSettings, urlPath: string): string {
  return settings.cache.rules.find((rule) => urlPath.startsWith(rule.prefix))?.cacheControl ?? settings.cache.default;
}

/**
 * The headers of a part of the site with a policy of its own, or undefined for the rest of the site.
 * @example pathHeaders(settings, '/admin/')?.[0] // => ['Content-Security-Policy', "default-src 'none'; …"]
 */
export function pathHeaders(settings: HostingSettings, urlPath: string): [string, string][] | undefined {
  const policy = settings.paths.find((p) => urlPath.startsWith(p.prefix));
  if (!policy) return undefined;
  return [
    ['Content-Security-Policy', contentSecurityPolicy(policy.contentSecurityPolicy)],
    ...Object.entries(settings.headers),
    ...Object.entries(policy.headers),
  ];
}

/**
 * The headers every image gets under the dev server (`npm run dev`, `npm run edit`), which serves content
 * images from /_image and /@fs/ rather than from /_astro/, where the build puts them: the policy of
 * /_astro/ (deploy/hosting.yaml), so a picture opened on its own runs no script there either.
 * @example imageHeaders(settings)?.[0] // => ['Content-Security-Policy', "default-src 'none'; …; sandbox"]
 */
export function imageHeaders(settings: HostingSettings): [string, string][] | undefined {
  return pathHeaders(settings, IMAGE_PREFIX);
}

/** Where the build writes every image from the content folder, named by its content. */
export const IMAGE_PREFIX = '/_astro/';
