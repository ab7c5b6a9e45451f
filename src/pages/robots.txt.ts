import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/site-url.ts';

/**
 * Every page may be crawled except the email editions, which repeat their issue's page. The sitemap
 * address is absolute, as the robots.txt standard (RFC 9309) requires, so it follows `SITE_URL`.
 */
export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Disallow: /bulletins/*/email.html',
      'Disallow: /bulletins/*/email.txt',
      '',
      `Sitemap: ${siteUrl('/sitemap.xml')}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
