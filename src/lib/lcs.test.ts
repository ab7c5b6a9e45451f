import { describe, expect, it } from 'vitest';
import { lcsLength } from './lcs.ts';

/** The textbook dynamic programme, to check against. */
function slowLcs(a: string[], b: string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      table[i][j] = a[i - 1] === b[j - 1] ? table[i - 1][j - 1] + 1 : Math.max(table[i - 1][j], table[i][j - 1]);
  return table[a.length][b.length];
}

describe('lcsLength', () => {
  it('measures the longest common subsequence', () => {
    expect(lcsLength(['a', 'b', 'c', 'd'], ['b', 'x', 'd'])).toBe(2);
    expect(lcsLength([], ['a'])).toBe(0);
    expect(lcsLength(['a'], [])).toBe(0);
  });

  it('agrees with the textbook method on lists longer than one machine word', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647);
    for (let round = 0; round < 200; round++) {
      const list = () => Array.from({ length: random() % 150 }, () => 'abcdefgh'[random() % 8]);
      const [a, b] = [list(), list()];
      expect(lcsLength(a, b)).toBe(slowLcs(a, b));
    }
  });
});
