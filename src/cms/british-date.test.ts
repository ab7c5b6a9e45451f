import { describe, expect, it } from 'vitest';
import { formatBritishDate, parseBritishDate } from './british-date.ts';

describe('the date field, the British way', () => {
  it('reads 29/07/2015, 29/7/2015, 29 July 2015, 29 Jul 2015 and 2015-07-29 as the same day', () => {
    for (const text of ['29/07/2015', '29/7/2015', '29 July 2015', '29 jul 2015', '29th July 2015', '2015-07-29']) {
      expect(parseBritishDate(text)).toBe('2015-07-29');
    }
  });

  it('never reads a date the American way, and refuses days that do not exist', () => {
    expect(parseBritishDate('07/29/2015')).toBeUndefined();
    expect(parseBritishDate('31/02/2015')).toBeUndefined();
    expect(parseBritishDate('next Tuesday')).toBeUndefined();
  });

  it('shows a stored date as 29/07/2015', () => {
    expect(formatBritishDate('2015-07-29')).toBe('29/07/2015');
    expect(formatBritishDate(new Date('2015-07-29T00:00:00Z'))).toBe('29/07/2015');
  });
});
