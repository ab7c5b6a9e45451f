/**
 * The judged set of search needs (bench/search-needs.yaml and bench/search-needs-second.yaml), run through the search page on the built site:
 * success@5 must not fall below the figure recorded in bench/README.md. `npm run bench:search` prints the
 * full figures and every need not met.
 */
import { describe, expect, it } from 'vitest';
import { judge } from '../bench/search-needs.ts';
import { rankOf, readJudgedSet, recordedSuccess5, scores } from '../bench/search-judged.ts';

describe('the judged set of search needs', () => {
  it('is judged as written: an answer with an anchor needs a link to it; a need with none needs no full match', () => {
    const need = { who: 'police', query: 'x', answers: ['/a/#b', '/c/'] };
    expect(rankOf(need, { results: [{ path: '/a/', anchors: [] }], allWords: 1 })).toBe(0);
    expect(
      rankOf(need, {
        results: [
          { path: '/d/', anchors: [] },
          { path: '/c/', anchors: [] },
        ],
        allWords: 1,
      }),
    ).toBe(2);
    expect(rankOf({ ...need, answers: 'none' }, { results: [], allWords: 0 })).toBe(1);
    expect(rankOf({ ...need, answers: 'none' }, { results: [{ path: '/c/', anchors: [] }], allWords: 1 })).toBe(0);
    expect(scores([1, 2, 0, 6])).toEqual({ success1: 0.25, success5: 0.5, mrr: (1 + 0.5 + 1 / 6) / 4 });
  });

  it('meets at least the success@5 recorded in bench/README.md', { timeout: 300_000 }, async () => {
    const needs = readJudgedSet();
    expect(needs.length).toBeGreaterThanOrEqual(60 + 30);
    const judged = await judge('dist', needs);
    const { success5 } = scores(judged.map((j) => j.rank));
    const missed = judged
      .filter((j) => j.rank === 0 || j.rank > 5)
      .map((j) => `‘${j.need.query}’: ${j.top.join(', ')}`);
    expect(success5, `not in the first five:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(recordedSuccess5());
  });
});
