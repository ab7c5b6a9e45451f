import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score } from './paste-score.ts';

const expected = fs.readFileSync('e2e/fixtures/clipboard/expected.md', 'utf8');

describe('score of a pasted fixture', () => {
  it('finds expected.md the same, with every part kept and no junk', () => {
    expect(score(expected, expected)).toEqual({
      same: true,
      kept: ['headings', 'bold', 'italic', 'link', 'nested bulleted list', 'nested numbered list', 'table'],
      lost: [],
      junk: [],
    });
  });

  it('counts a table with no delimiter row as lost, as the site would publish it', () => {
    const noDelimiter = expected.replace(/^\| -.*\n/m, '');
    expect(score(noDelimiter, expected)).toMatchObject({ same: false, lost: ['table'] });
  });

  it('names office junk: list markers typed as text and non-breaking spaces', () => {
    const word = expected.replace('- First synthetic point', '·\u00a0\u00a0 First synthetic point');
    const { junk, lost } = score(word, expected);
    expect(junk).toEqual(['1 "·" markers', '2 non-breaking spaces']);
    expect(lost).toContain('nested bulleted list');
  });
});
