import { describe, expect, test } from 'vitest';
import { loadHosting } from './config.ts';
import { headersFile, redirectsFile } from './host-files.ts';

const hosting = loadHosting('.');

/** _headers as { pattern: { header: value } }, the way Netlify and Cloudflare Pages read it. */
function parseHeadersFile(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('/')) rules[line] = current = {};
    else {
      const [name, ...value] = line.trim().split(': ');
      current[name] = value.join(': ');
    }
  }
  return rules;
}

describe('_headers', () => {
  const rules = parseHeadersFile(headersFile(hosting));

  test('every path gets the security headers; hashed assets are immutable; the index revalidates', () => {
    expect(Object.keys(rules)).toEqual(['/*', '/admin/*', '/_astro/*', '/pagefind/*', '/assets/*']);
    expect(rules['/*']['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(rules['/*']['X-Content-Type-Options']).toBe('nosniff');
    expect(rules['/_astro/*']).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(rules['/pagefind/*']).toEqual({ 'Cache-Control': 'public, no-cache' });
  });

  test('no header is set by two rules, since hosts combine matching rules differently', () => {
    const names = Object.values(rules).flatMap((headers) => Object.keys(headers));
    expect(names.filter((name) => name === 'Cache-Control')).toHaveLength(3);
    expect(rules['/*']['Cache-Control']).toBeUndefined();
    expect(new Set(Object.keys(rules['/*'])).size).toBe(Object.keys(rules['/*']).length);
  });
});

describe('_redirects', () => {
  test('each redirect answers with and without its trailing slash, permanently', () => {
    expect(
      redirectsFile(hosting)
        .split('\n')
        .filter((line) => !line.startsWith('#')),
    ).toEqual([
      '/bulletin/ /bulletins/ 301',
      '/bulletin /bulletins/ 301',
      '/feed/ /bulletins/feed.xml 301',
      '/feed /bulletins/feed.xml 301',
      '',
    ]);
  });
});
