import { describe, expect, it } from 'vitest';
import { nearestWord, suggestQuery } from './search-spelling.ts';

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

  it('allows one edit in a short word, two in a longer one, and prefers the more frequent word', () => {
    expect(nearestWord('thx', words, new Set(words))).toBe('the');
    expect(nearestWord('scren', ['screen', 'scree'], new Set())).toBe('screen');
    expect(nearestWord('tehm', words, new Set(words))).toBeUndefined();
  });
});
