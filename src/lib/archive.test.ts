import { describe, expect, it } from 'vitest';
import { archiveSummary, groupByYear, newestFirst, withNeighbours } from './archive.ts';

const issue = (id: string, date: string) => ({ id, data: { date: new Date(date) } });
const nov2014 = issue('2014-11', '2014-12-22');
const feb2015 = issue('2015-02', '2015-03-06');
const may2015 = issue('2015-05', '2015-05-27');
const oct2015 = issue('2015-10', '2015-11-11');

describe('archive', () => {
  it('orders issues newest first', () => {
    expect(newestFirst([feb2015, oct2015, nov2014, may2015]).map((i) => i.id)).toEqual([
      '2015-10',
      '2015-05',
      '2015-02',
      '2014-11',
    ]);
  });

  it('groups issues by the year they were published, newest year first', () => {
    const years = groupByYear([nov2014, may2015, feb2015, oct2015]);
    expect(years.map((y) => y.year)).toEqual([2015, 2014]);
    expect(years[0].items.map((i) => i.id)).toEqual(['2015-10', '2015-05', '2015-02']);
    expect(years[1].items.map((i) => i.id)).toEqual(['2014-11']);
  });

  it('files an issue under the year of its publication date, not its name', () => {
    // The November 2014 issue came out on 22 December 2014; one dated January would move year.
    const late = issue('2014-12', '2015-01-05');
    expect(groupByYear([late]).map((y) => y.year)).toEqual([2015]);
  });

  it('links each issue to the older and newer one', () => {
    const all = [may2015, nov2014, oct2015, feb2015];
    const ids = (id: string) => {
      const found = withNeighbours(all).find(({ item }) => item.id === id);
      return [found?.previous?.id, found?.next?.id];
    };
    expect(withNeighbours(all).map(({ item }) => item.id)).toEqual(['2015-10', '2015-05', '2015-02', '2014-11']);
    expect(ids('2015-05')).toEqual(['2015-02', '2015-10']);
    expect(ids('2014-11')).toEqual([undefined, '2015-02']);
    expect(ids('2015-10')).toEqual(['2015-05', undefined]);
  });

  it('returns nothing for an empty archive', () => {
    expect(groupByYear([])).toEqual([]);
  });
});

describe('archiveSummary', () => {
  it('says how many issues the archive holds and the dates of the first and last', () => {
    expect(archiveSummary([new Date('2015-05-27'), new Date('2014-12-22'), new Date('2015-03-06')])).toBe(
      'The archive holds 3 issues, published from 22 December 2014 to 27 May 2015.',
    );
  });

  it('gives the one date of a single issue, and says when there is none', () => {
    expect(archiveSummary([new Date('2015-05-27')])).toBe('The archive holds 1 issue, published on 27 May 2015.');
    expect(archiveSummary([])).toBe('The archive holds no issues yet.');
  });
});
