import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { withoutScrollRegions, wrapTables } from './table-scroll.ts';

const el = (tagName: string, children: Element['children'] = [], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string) => ({ type: 'text' as const, value });
const table = (...children: Element[]) => el('table', [...children, el('tbody', [el('tr', [el('td', [text('1')])])])]);

describe('wrapTables', () => {
  it('puts a Markdown table in a keyboard-reachable region named by the heading it sits under', () => {
    const root: Root = { type: 'root', children: [el('h2', [text('Contacts by  setting')]), table()] };
    expect(toHtml(wrapTables(root))).toBe(
      '<h2>Contacts by  setting</h2><div class="nhsuk-scroll"><section class="nhsuk-scroll__content" aria-label="Table: Contacts by setting" tabindex="0"><table><tbody><tr><td>1</td></tr></tbody></table></section></div>',
    );
  });

  it('names a table by its caption when it has one, and finds tables inside other elements', () => {
    const root: Root = {
      type: 'root',
      children: [el('h2', [text('Heading')]), el('section', [table(el('caption', [text('Waves')]))])],
    };
    expect(toHtml(wrapTables(root))).toContain('aria-label="Table: Waves"');
  });

  it('leaves a table that is already in a region alone', () => {
    const region = el('div', [table()], { role: 'region', ariaLabel: 'Own' });
    expect(toHtml(wrapTables({ type: 'root', children: [region] }))).toBe(toHtml({ type: 'root', children: [region] }));
  });
});

describe('withoutScrollRegions', () => {
  it('gives back each table as it was before wrapTables, whatever its name holds', () => {
    const root: Root = {
      type: 'root',
      children: [el('h2', [text('Age > 18 "adults"')]), table(), el('p', [text('After')]), table()],
    };
    expect(withoutScrollRegions(toHtml(wrapTables(root)))).toBe(toHtml(root));
  });
});
