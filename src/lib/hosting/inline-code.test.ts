import { describe, expect, test } from 'vitest';
import { blockedInlineCode, cspHash, findInlineCode } from './inline-code.ts';

const csp = { 'default-src': ["'none'"], 'script-src': ["'self'"], 'style-src': ["'self'"] };

describe('inline code', () => {
  test('the hash is the CSP sha256 source of the exact text', () => {
    expect(cspHash('alert(1)')).toBe("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='");
  });

  test('finds inline scripts, styles, style attributes, handlers and javascript: links', () => {
    const html = `<!doctype html><style>p{}</style><p style="color:red" onclick="go()">x</p>
      <script>alert(1)</script><a href="javascript:void(0)">y</a>`;
    expect(findInlineCode(html)).toEqual([
      { kind: 'style', what: '<style>', hash: cspHash('p{}') },
      { kind: 'style-attribute', what: 'style="…" on <p>' },
      { kind: 'script-attribute', what: 'onclick="…" on <p>' },
      { kind: 'script', what: '<script>', hash: cspHash('alert(1)') },
      { kind: 'script-attribute', what: 'a javascript: href on <a>' },
    ]);
  });

  test('script files, data blocks and ordinary text are not inline code', () => {
    const html = `<script type="module" src="/_astro/search.js"></script>
      <script type="application/ld+json">{"@type":"WebSite"}</script>
      <p>Write style="…" or onclick= in prose and nothing happens.</p><details open><summary>s</summary></details>`;
    expect(findInlineCode(html)).toEqual([]);
  });

  test("a script after a page's JSON-LD is still found", () => {
    const html = `<script type="application/ld+json">{"@type":"NewsArticle"}</script><script>alert(1)</script>`;
    expect(findInlineCode(html)).toEqual([{ kind: 'script', what: '<script>', hash: cspHash('alert(1)') }]);
  });

  test('a hash in script-src allows its script; anything else is explained once, naming the pages', () => {
    const script = '<script>alert(1)</script>';
    const pages = [
      { file: '/', html: script },
      { file: '/a/', html: script },
      { file: '/b/', html: '<p style="x">b</p>' },
    ];
    expect(blockedInlineCode(pages, { ...csp, 'script-src': ["'self'", cspHash('alert(1)')] })).toEqual([
      'style="…" on <p> in /b/: browsers ignore it under the Content-Security-Policy. Use a class and a stylesheet, or a script file, instead.',
    ]);
    expect(blockedInlineCode(pages.slice(0, 2), csp)).toEqual([
      `<script> (${cspHash('alert(1)')}) in / and 1 other page(s): browsers will not apply it under the Content-Security-Policy. Move it to a file, or if it must stay inline, add "${cspHash('alert(1)')}" to script-src in deploy/hosting.yaml and run npm run deploy:nginx-conf.`,
    ]);
  });

  test("'unsafe-inline' in style-src allows inline styles (unless a hash is listed), never inline script", () => {
    const pages = [{ file: '/', html: '<style>p{}</style><p style="x" onclick="y()">z</p>' }];
    expect(blockedInlineCode(pages, { ...csp, 'style-src': ["'self'", "'unsafe-inline'"] })).toEqual([
      expect.stringMatching(/^onclick="…" on <p> in \/: /),
    ]);
    expect(blockedInlineCode(pages, { ...csp, 'style-src': ["'unsafe-inline'", cspHash('p{}')] })).toEqual([
      expect.stringMatching(/^style="…" on <p> in \/: /),
      expect.stringMatching(/^onclick="…" on <p> in \/: /),
    ]);
  });
});
