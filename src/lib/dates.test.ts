import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, isoDay } from './dates.ts';

describe('dates', () => {
  it('writes dates the NHS.UK way, with the month in full', () => {
    expect(formatDate(new Date('2015-05-27'))).toBe('27 May 2015');
    expect(formatDate(new Date('2014-01-04'))).toBe('4 January 2014');
  });

  it('does not shift a date across midnight in any time zone', () => {
    expect(formatDate(new Date('2015-12-31T00:00:00Z'))).toBe('31 December 2015');
  });

  it('names an issue by month and year', () => {
    expect(formatMonth(new Date('2015-05-27'))).toBe('May 2015');
  });

  it('gives a machine-readable day for <time datetime>', () => {
    expect(isoDay(new Date('2015-05-27'))).toBe('2015-05-27');
  });
});
