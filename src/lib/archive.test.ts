import { describe, expect, it } from 'vitest';
import { groupByYear, neighbours, newestFirst } from './archive.ts';

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
    expect(neighbours(all, '2015-05').previous?.id).toBe('2015-02');
    expect(neighbours(all, '2015-05').next?.id).toBe('2015-10');
    expect(neighbours(all, '2014-11').previous).toBeUndefined();
    expect(neighbours(all, '2015-10').next).toBeUndefined();
    expect(neighbours(all, 'missing')).toEqual({ previous: undefined, next: undefined });
  });

  it('returns nothing for an empty archive', () => {
    expect(groupByYear([])).toEqual([]);
  });
});
