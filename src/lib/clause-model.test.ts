import { describe, expect, it } from 'vitest';
import { clausesFromHtml, sectionMarkup } from './clause-model.ts';

const html = [
  '<p>Before any clause.</p>',
  '<h2 id="clause-screening"><span id="clause-5-2"></span>5.2 First check</h2>',
  '<p>The team   screens <em>each</em> person.</p>',
  '<ul><li>needs</li><li>risks</li></ul>',
  '<h2 id="notes">Notes</h2>',
  '<p>Kept with 5.2.</p>',
  '<h2 id="clause-5-3">5.3 Full assessment</h2>',
  '<ol><li>first</li></ol>',
].join('\n');

describe('clause model', () => {
  it('cuts a section at its numbered h2s and reads each clause’s id, number, title and aliases', () => {
    const clauses = clausesFromHtml(html);
    expect(clauses.map(({ id, number, title, aliases }) => ({ id, number, title, aliases }))).toEqual([
      { id: 'clause-screening', number: '5.2', title: 'First check', aliases: ['clause-5-2'] },
      { id: 'clause-5-3', number: '5.3', title: 'Full assessment', aliases: [] },
    ]);
  });

  it('keeps each paragraph and list item as a block of plain text, white space collapsed', () => {
    const [screening, assessment] = clausesFromHtml(html);
    expect(screening.blocks).toEqual([
      { kind: 'p', text: 'The team screens each person.' },
      { kind: 'li', list: 'ul', text: 'needs' },
      { kind: 'li', list: 'ul', text: 'risks' },
      { kind: 'p', text: 'Notes' },
      { kind: 'p', text: 'Kept with 5.2.' },
    ]);
    expect(assessment.blocks).toEqual([{ kind: 'li', list: 'ol', text: 'first' }]);
  });

  it('keeps content before the first clause, and an unnumbered h2 where it was', () => {
    const markup = sectionMarkup(html);
    expect(markup.preamble.filter((node) => node.type === 'element')).toHaveLength(1);
    const body = markup.clauses[0].body.flatMap((node) => (node.type === 'element' ? [node.tagName] : []));
    expect(body).toEqual(['p', 'ul', 'h2', 'p']);
  });

  it('finds no clauses in a section without numbered headings', () => {
    expect(clausesFromHtml('<h2 id="a">About</h2><p>Text</p>')).toEqual([]);
  });
});
