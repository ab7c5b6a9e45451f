import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { clauseIdsPlugin } from '../../integrations/clause-ids.ts';
import { markdownFeatures } from '../content-layout.ts';
import { sanitisePlugin } from './markdown-plugin.ts';
import { safeImage, safeLink } from './urls.ts';

/** Markdown as the site renders it (astro.config.mjs): raw HTML parsed, clause anchors, then the sanitiser. */
async function render(markdown: string, file = 'file:///site/content/specification/2019/01-x.md') {
  const { html } = await markdownToHtml(markdown, {
    features: { gfm: true, smartPunctuation: true, ...markdownFeatures, rawHtml: true },
    hastPlugins: [clauseIdsPlugin, sanitisePlugin],
    fileURL: new URL(file),
  });
  return html;
}

describe('the content sanitiser', () => {
  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://attacker.example/">', /<meta|refresh/],
    ['<script src="https://attacker.example/x.js"></script>', /<script|attacker/],
    ['<iframe src="https://attacker.example/"></iframe>', /<iframe|attacker/],
    ['<form action="https://attacker.example/"><input name="q"></form>', /<form|action=|attacker/],
    ['<object data="x.swf"></object><embed src="x.swf">', /<object|<embed|swf/],
    ['<base href="https://attacker.example/">', /<base|attacker/],
    ['<link rel="stylesheet" href="https://attacker.example/x.css">', /<link|attacker/],
    ['<img src="https://tracker.example/pixel.gif" alt="">', /<img|tracker/],
    ['<img src="//tracker.example/pixel.gif" alt="">', /<img|tracker/],
    ['<img src="data:image/png;base64,AAAA" alt="x">', /<img|data:/],
    ['<a href="jav&#x61;script:alert(1)">x</a>', /href|javascript/i],
    ['<a href="java\nscript:alert(1)">x</a>', /href|script/i],
    ['[x](data:text/html,hi)', /href|data:/],
    ['[x](vbscript:msgbox)', /href|vbscript/],
    ['<p onclick="alert(1)" style="color:red">x</p>', /onclick|style|alert/],
    ['<svg><script>alert(1)</script></svg>', /svg|script|alert/],
    ['<!-- editor: do not publish the budget figure -->', /<!--|budget/],
  ])('removes the dangerous part of %j', async (markdown, dangerous) => {
    const html = await render(`Before\n\n${markdown}\n\nAfter\n`);
    expect(html).not.toMatch(dangerous);
    expect(html).toContain('<p>Before</p>');
    expect(html).toContain('<p>After</p>');
  });

  it('keeps the words of what it removes, but not of scripts', async () => {
    expect(await render('<form><b onclick="x">Bold</b> words<button>Send</button></form>\n')).toBe(
      '<b>Bold</b> words\n',
    );
  });

  it('makes a link whose address is not allowed its words alone', async () => {
    expect(await render('[Read *this*](javascript:alert(1)) now\n')).toBe('<p>Read <em>this</em> now</p>\n');
  });

  it('keeps what Markdown makes: anchors, tables, footnotes, task lists, site links and images', async () => {
    const html = await render(
      '## 5.2 First check {#clause-first}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee[^1] [the archive](/bulletins/), [mail](mailto:a@example.org), [web](https://www.england.nhs.uk/).\n\n- [x] done\n\n![A map](./map.png)\n\n<abbr title="Liaison and Diversion">L&amp;D</abbr>\n\n[^1]: A note.\n',
    );
    expect(html).toContain('<h2 id="clause-first"><span id="clause-5-2"></span>5.2 First check</h2>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('href="/bulletins/"');
    expect(html).toContain('href="mailto:a@example.org"');
    expect(html).toContain('href="https://www.england.nhs.uk/"');
    expect(html).toContain('<img src="./map.png" alt="A map">');
    expect(html).toContain('<abbr title="Liaison and Diversion">L&amp;D</abbr>');
    expect(html).toContain('<input type="checkbox" checked disabled>');
    expect(html).toMatch(/<section data-footnotes="" class="footnotes">/);
  });
});

describe('addresses', () => {
  it.each([
    ['https://www.england.nhs.uk/', true],
    ['http://example.org/', true],
    ['mailto:team@example.org', true],
    ['/bulletins/', true],
    ['../about/', true],
    ['#clause-5-2', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['data:text/html,hi', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
  ])('a link to %j is allowed: %s', (url, allowed) => expect(safeLink(url)).toBe(allowed));

  it.each([
    ['./map.png', true],
    ['/assets/images/map.png', true],
    ['https://tracker.example/x.gif', false],
    ['//tracker.example/x.gif', false],
    ['/\\tracker.example/x.gif', false],
    ['data:image/png;base64,AA', false],
    ['', false],
  ])('an image at %j is allowed: %s', (url, allowed) => expect(safeImage(url)).toBe(allowed));
});
