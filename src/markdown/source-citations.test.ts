import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { markCitations } from './source-citations.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const cite = (n: number): Element => ({
  type: 'element',
  tagName: 'a',
  properties: { href: `#source-${n}` },
  children: [text(`source ${n}`)],
});
const p = (...children: Element['children']): Root => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children }],
});

describe('markCitations', () => {
  it('keeps a bracketed group of citations out of the index, brackets included, with the same text', () => {
    const html = toHtml(markCitations(p(text('Synthetic claim. ('), cite(3), text(', '), cite(4), text(')'))));
    expect(html).toBe(
      '<p>Synthetic claim. <span data-pagefind-ignore="">(<a href="#source-3">source 3</a>, <a href="#source-4">source 4</a>)</span></p>',
    );
  });

  it('marks a citation inside a sentence and leaves the words around it', () => {
    const html = toHtml(markCitations(p(text('Places such as ('), cite(3), text('): custody suites.'))));
    expect(html).toBe(
      '<p>Places such as <span data-pagefind-ignore="">(<a href="#source-3">source 3</a>)</span>: custody suites.</p>',
    );
  });

  it('leaves other links alone, and marks a citation without brackets on its own', () => {
    const other: Element = {
      type: 'element',
      tagName: 'a',
      properties: { href: '#clause-1-1' },
      children: [text('1.1')],
    };
    const html = toHtml(markCitations(p(other, text(' see '), cite(1))));
    expect(html).toBe(
      '<p><a href="#clause-1-1">1.1</a> see <span data-pagefind-ignore=""><a href="#source-1">source 1</a></span></p>',
    );
  });
});
