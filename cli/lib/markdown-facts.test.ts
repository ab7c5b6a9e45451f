import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml } from 'satteri';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clauseIdsPlugin } from '../../src/integrations/clause-ids.ts';
import { markdownFeatures } from '../../src/lib/content-layout.ts';
import { markdownFacts } from './markdown-facts.ts';

const doc = [
  '---',
  'title: "x"',
  '---',
  '',
  '## 3.2 Screening',
  '',
  "## The person's journey {#custom}",
  '',
  '## 5.2 First check {#clause-first-check data-aliases="clause-screening clause-5-2"}',
  '',
  '### Who "we" are -- and why',
  '',
  '### Who "we" are -- and why',
  '',
  'A [link](/bulletins/2015-05/#x), ![a chart](chart.png) and ![](blank.png).',
  '',
  '<a href="/raw/">raw</a> <img src="raw.png">',
  '',
].join('\n');

/** The ids the site's real Markdown pipeline gives headings: Astro's plugin after the clause plugin. */
async function builtIds(source: string, file: string): Promise<string[]> {
  const { html } = await markdownToHtml(source, {
    features: { gfm: true, smartPunctuation: true, ...markdownFeatures },
    hastPlugins: [clauseIdsPlugin, satteriHeadingIdsPlugin()],
    fileURL: pathToFileURL(file),
    data: { astro: { frontmatter: {}, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });
  // Every id on the page from its text: headings, and the alias spans the clause plugin adds.
  return [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
}

describe('markdownFacts', () => {
  it('gives headings and clause aliases the anchors the build gives them, in a specification section', async () => {
    const facts = markdownFacts(doc, { clauses: true });
    expect(facts.anchors.map((a) => a.id)).toEqual(await builtIds(doc, '/c/specification/2019/03-x.md'));
    expect(facts.anchors.map((a) => a.id)).toEqual([
      'clause-3-2',
      'custom',
      'clause-first-check',
      'clause-5-2',
      'clause-screening',
      'who-we-are--and-why',
      'who-we-are--and-why-1',
    ]);
  });

  it('gives numbered headings outside the specification ordinary anchors, as the build does', async () => {
    const facts = markdownFacts(doc);
    expect(facts.anchors.map((a) => a.id)).toEqual(await builtIds(doc, '/c/bulletins/2015-05.md'));
    expect(facts.anchors.map((a) => a.id)).toContain('clause-first-check');
    expect(facts.anchors[0].id).toBe('32-screening');
  });

  it('lists links and images with the lines they are on, raw HTML included', () => {
    const facts = markdownFacts(doc);
    expect(facts.links).toEqual([
      { href: '/bulletins/2015-05/#x', line: 15 },
      { href: '/raw/', line: 17 },
    ]);
    expect(facts.images).toEqual([
      { src: 'chart.png', alt: 'a chart', line: 15 },
      { src: 'blank.png', alt: '', line: 15 },
      { src: 'raw.png', alt: undefined, line: 17 },
    ]);
  });

  it('tells text from headings and comments only', () => {
    expect(markdownFacts('---\nt: 1\n---\n\n## Heading\n\n<!-- to write -->\n').hasText).toBe(false);
    expect(markdownFacts('---\nt: 1\n---\n\n## Heading\n\nWords.\n').hasText).toBe(true);
  });

  it('reads MDX, and throws on MDX that does not parse', () => {
    expect(markdownFacts('<a href="/x/">x</a>\n', { mdx: true }).links).toEqual([{ href: '/x/', line: 1 }]);
    expect(() => markdownFacts('<div>\n\n{oops\n', { mdx: true })).toThrow();
  });
});
