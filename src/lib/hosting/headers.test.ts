import { describe, expect, test } from 'vitest';
import { loadHosting } from './config.ts';
import { cacheControlFor, contentSecurityPolicy, securityHeaders } from './headers.ts';

const { settings } = loadHosting('.');

describe('headers', () => {
  test('the CSP keeps the data file’s directive order', () => {
    expect(contentSecurityPolicy({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
  });

  test('every response gets the CSP, HSTS, nosniff, a referrer policy and a permissions policy', () => {
    const names = securityHeaders(settings).map(([name]) => name);
    expect(names).toEqual([
      'Content-Security-Policy',
      'Strict-Transport-Security',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
    ]);
    const csp = securityHeaders(settings)[0][1];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain('unsafe-inline');
  });

  test.each([
    ['/_astro/Base.CzGJX0UW.css', 'public, max-age=31536000, immutable'],
    ['/pagefind/pagefind-entry.json', 'public, no-cache'],
    ['/', 'no-cache'],
    ['/bulletins/feed.xml', 'no-cache'],
    ['/404.html', 'no-cache'],
    ['/_astro', 'no-cache'],
  ])('%s is cached as %s', (urlPath, expected) => {
    expect(cacheControlFor(settings, urlPath)).toBe(expected);
  });
});
