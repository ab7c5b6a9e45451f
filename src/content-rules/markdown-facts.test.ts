import { describe, expect, it } from 'vitest';
import { markdownFacts } from './markdown-facts.ts';

const doc = [
  '---',
  'title: "x"',
  '---',
  '',
  '## 3.2 Screening',
  '',
  'A [link](/bulletins/2015-05/#x), ![a chart](chart.png) and ![](blank.png).',
  '',
  '<a href="/raw/">raw</a> <img src="raw.png">',
  '',
].join('\n');

describe('markdownFacts', () => {
  it('lists images with the lines they are on, raw HTML included', () => {
    expect(markdownFacts(doc).images).toEqual([
      { src: 'chart.png', alt: 'a chart', line: 7 },
      { src: 'blank.png', alt: '', line: 7 },
      { src: 'raw.png', alt: undefined, line: 9 },
    ]);
  });

  it('tells text from headings and comments only', () => {
    expect(markdownFacts('---\nt: 1\n---\n\n## Heading\n\n<!-- to write -->\n').hasText).toBe(false);
    expect(markdownFacts('---\nt: 1\n---\n\n## Heading\n\nWords.\n').hasText).toBe(true);
  });

  it('reads MDX, and throws on MDX that does not parse', () => {
    expect(markdownFacts('<img src="x.png" alt="X" />\n', { mdx: true }).images).toEqual([
      { src: 'x.png', alt: 'X', line: 1 },
    ]);
    expect(() => markdownFacts('<div>\n\n{oops\n', { mdx: true })).toThrow();
  });
});
