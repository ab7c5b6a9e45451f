import { describe, expect, it } from 'vitest';
import { alternatives, findReference, parseQuery } from './search-query.ts';

const synonyms = [
  { typed: ['24/7', 'round the clock'], searchFor: ['24 hours a day'] },
  { typed: ['juvenile'], searchFor: ['children and young people'] },
  { typed: ['L&D'], searchFor: ['liaison and diversion'] },
];

describe('clause references', () => {
  it('reads every way of writing clause 5.2 as its number', () => {
    for (const typed of ['clause 5.2', 'Clause 5.2', 'cl. 5.2', 'cl 5.2', '§5.2', '§ 5.2', '5.2', 'section 5.2']) {
      expect(findReference(typed), typed).toEqual({ reference: { kind: 'clause', number: '5.2' }, query: '5.2' });
    }
  });

  it('reads a named or bare section number as the section', () => {
    for (const typed of ['section 5', 'Section 5', 'sect. 5', '§5', '5']) {
      expect(findReference(typed), typed).toEqual({ reference: { kind: 'section', number: '5' }, query: '5' });
    }
  });

  it('keeps the other words, and leaves numbers inside other words alone', () => {
    expect(findReference('screening clause 5.2')).toEqual({
      reference: { kind: 'clause', number: '5.2' },
      query: 'screening 5.2',
    });
    expect(findReference('wave 2 roll out')).toEqual({ query: 'wave 2 roll out' });
    expect(findReference('24/7')).toEqual({ query: '24/7' });
  });
});

describe('synonyms', () => {
  it('joins a typed phrase into one unit, whatever its case and punctuation', () => {
    expect(parseQuery('Round the clock custody,', synonyms).units).toEqual([
      { text: 'Round the clock', synonyms: ['24 hours a day'], forms: [] },
      { text: 'custody,', synonyms: [], forms: [] },
    ]);
    expect(parseQuery('l&d', synonyms).units).toEqual([
      { text: 'l&d', synonyms: ['liaison and diversion'], forms: [] },
    ]);
  });

  it('searches each word as typed, then its irregular forms and synonyms, phrases quoted', () => {
    const [juvenile, children] = parseQuery('juvenile children', synonyms).units;
    expect(alternatives(juvenile)).toEqual(['juvenile', '"children and young people"']);
    expect(alternatives(children)).toEqual(['children', 'child', 'childs']);
  });

  it('counts a repeated word once', () => {
    expect(parseQuery('custody Custody', synonyms).units).toHaveLength(1);
  });
});

describe('stop words', () => {
  it('leaves them out of the search, keeping them inside a phrase the synonyms know', () => {
    const parsed = parseQuery('who pays for the service', synonyms);
    expect(parsed.units.map((u) => u.text)).toEqual(['pays', 'service']);
    expect(parsed.stopWords).toEqual(['who', 'for', 'the']);
    expect(parseQuery('round the clock', synonyms).units.map((u) => u.text)).toEqual(['round the clock']);
  });

  it('joins irregular forms: child and children, person and people, woman and women', () => {
    const forms = (q: string) => parseQuery(q).units[0].forms;
    expect(forms('child')).toContain('children');
    expect(forms('People')).toContain('person');
    expect(forms('women')).toContain('woman');
  });
});
