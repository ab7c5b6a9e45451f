import { describe, expect, it } from 'vitest';
import { findReference, parseQuery, subsets, variants } from './search-query.ts';

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
      { text: 'Round the clock', synonyms: ['24 hours a day'] },
      { text: 'custody,', synonyms: [] },
    ]);
    expect(parseQuery('l&d', synonyms).units).toEqual([{ text: 'l&d', synonyms: ['liaison and diversion'] }]);
  });

  it('searches the words as typed first, then with each synonym in place', () => {
    const { units } = parseQuery('juvenile 24/7', synonyms);
    expect(variants(units)).toEqual([
      'juvenile 24/7',
      'juvenile "24 hours a day"',
      '"children and young people" 24/7',
      '"children and young people" "24 hours a day"',
    ]);
  });

  it('counts a repeated word once', () => {
    expect(parseQuery('custody Custody', synonyms).units).toHaveLength(1);
  });
});

describe('fewer words', () => {
  it('tries every smaller set of words, largest first, in the order typed', () => {
    expect(subsets(['a', 'b', 'c'])).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c'], ['a'], ['b'], ['c']]);
    expect(subsets(['a'])).toEqual([]);
    expect(subsets(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])).toHaveLength(62);
  });
});
