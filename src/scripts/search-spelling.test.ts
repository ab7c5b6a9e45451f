import { describe, expect, it } from 'vitest';
import { nearestWord, onSite, suggestQuery } from './search-spelling.ts';

const words = ['the', 'screening', 'screen', 'children', 'custody', 'police', 'juvenile'];

describe('spelling suggestions', () => {
  it('suggests the nearest word the site contains', () => {
    expect(suggestQuery('screning', words)).toBe('screening');
    expect(suggestQuery('Screning childen', words)).toBe('screening children');
  });

  it('keeps words the site contains, numbers and words nothing is near', () => {
    expect(suggestQuery('police 5.2', words)).toBeUndefined();
    expect(suggestQuery('xylophonic', words)).toBeUndefined();
    expect(nearestWord('cusody', words, new Set(words))).toBe('custody');
  });

  it('allows one edit up to seven letters, two in a longer word, and prefers the more frequent word', () => {
    expect(nearestWord('scren', ['screen', 'scree'], new Set())).toBe('screen');
    expect(nearestWord('scrreening', ['screening'], new Set())).toBe('screening');
    expect(nearestWord('tehm', words, new Set(words))).toBeUndefined();
  });

  it('never swaps a short real word, suggests a stop word, or changes the first letter', () => {
    // `pays` is a word: if nothing matches it, the page says so rather than offering `says`.
    expect(nearestWord('pays', ['says', 'days'], new Set())).toBeUndefined();
    expect(nearestWord('women', ['when', 'woman'], new Set())).toBe('woman');
    expect(nearestWord('whenn', ['when'], new Set())).toBeUndefined();
    expect(nearestWord('veterans', ['peterans'], new Set())).toBeUndefined();
  });

  it('counts a swapped pair of letters as one edit, and leaves a real word such as lawyer alone', () => {
    expect(nearestWord('zehpyr', ['zephyr'], new Set())).toBe('zephyr');
    expect(nearestWord('lawyer', ['lower'], new Set())).toBeUndefined();
  });

  it('changes only the words it is told no page holds', () => {
    expect(suggestQuery('screning childen', words, ['screning'])).toBe('screening childen');
  });
});

describe('whether the site holds a word', () => {
  const site = ['care', 'support', 'disability', 'arrested', 'identification', 'vulnerabilities'];
  it('knows a word in another form: plural, singular, past tense, a longer word it starts', () => {
    expect(onSite('disabilities', site)).toBe(true);
    expect(onSite('arrest', site)).toBe(true);
    expect(onSite('identified', site)).toBe(true);
    expect(onSite('Support', site)).toBe(true);
  });

  it('does not take a shorter word for a longer one, as Pagefind does (carers is not care)', () => {
    expect(onSite('carers', site)).toBe(false);
    expect(onSite('vulnerabilties', site)).toBe(false);
  });

  it('counts short words, numbers and stop words as held: the word list has none of them', () => {
    expect(onSite('24', site)).toBe(true);
    expect(onSite('up', site)).toBe(true);
    expect(onSite('the', site)).toBe(true);
  });
});
