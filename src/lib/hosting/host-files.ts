import type { Redirect } from '../../schemas/hosting.ts';
import type { Hosting } from './config.ts';
import { contentSecurityPolicy, securityHeaders } from './headers.ts';

/**
 * `_headers` for Netlify, Cloudflare Pages and hosts that read the same format.
 * @example headersFile(hosting) // => "# Generated …\n/*\n  Content-Security-Policy: default-src 'none'; …"
 */
export function headersFile({ settings }: Hosting): string {
  const block = (pattern: string, headers: [string, string][]) =>
    [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    '# Generated at build from deploy/hosting.yaml: change that file, not this one.',
    '# Hosts combine every rule that matches a path, and differ on how they combine one header set twice,',
    '# so each header is set by one rule only. Paths no rule gives a Cache-Control (HTML pages, feeds) get',
    `# the host's own default, which revalidates, as \`${settings.cache.default}\` does on nginx.`,
    block('/*', securityHeaders(settings)),
    // A part with a policy of its own: `! Content-Security-Policy` drops the site's policy first (Cloudflare
    // Pages); hosts that cannot drop a header would send both, and the stricter site policy would win.
    ...settings.paths.map((p) =>
      block(`${p.prefix}*`, [
        ['! Content-Security-Policy', ''],
        ['Content-Security-Policy', contentSecurityPolicy(p.contentSecurityPolicy)],
        ...Object.entries(p.headers),
      ]).replace('! Content-Security-Policy: ', '! Content-Security-Policy'),
    ),
    ...settings.cache.rules.map((rule) => block(`${rule.prefix}*`, [['Cache-Control', rule.cacheControl]])),
    '',
  ].join('\n');
}

/**
 * `_redirects` for Netlify, Cloudflare Pages and hosts that read the same format.
 * @example redirectsFile(hosting) // => "# Generated …\n/bulletin/ /bulletins/ 301\n/bulletin /bulletins/ 301\n"
 */
export function redirectsFile({ redirects }: Hosting): string {
  return [
    '# Generated at build from deploy/redirects.yaml: change that file, not this one.',
    ...redirects.flatMap(({ from, to }) => redirectSources(from).map((source) => `${source} ${to} 301`)),
    '',
  ].join('\n');
}

/**
 * The addresses a redirect answers: its path with and without the trailing slash.
 * @example redirectSources('/bulletin/') // => ['/bulletin/', '/bulletin']
 */
export function redirectSources(from: Redirect['from']): string[] {
  return [from, from.slice(0, -1)];
}
