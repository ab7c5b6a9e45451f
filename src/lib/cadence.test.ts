import { describe, expect, it } from 'vitest';
import {
  addMonths,
  cadenceGaps,
  describeCadence,
  monthOf,
  nextIssueDate,
  nextIssueMonth,
  periodOf,
} from './cadence.ts';

const day = (iso: string) => new Date(iso);

describe('cadence', () => {
  it('moves months across a year end', () => {
    expect(addMonths('2015-11', 2)).toBe('2016-01');
    expect(addMonths('2015-12', 1)).toBe('2016-01');
    expect(monthOf(day('2015-05-27'))).toBe('2015-05');
  });

  it('is monthly up to May 2015 and every two months after', () => {
    expect(periodOf('2015-04').everyMonths).toBe(1);
    expect(periodOf('2015-05').everyMonths).toBe(2);
    expect(nextIssueMonth('2015-04')).toBe('2015-05');
    expect(nextIssueMonth('2015-05')).toBe('2015-07');
    expect(nextIssueMonth('2015-07')).toBe('2015-09');
  });

  it('proposes the next date from the newest issue, keeping its day of the month', () => {
    expect(nextIssueDate([day('2015-04-29')])).toEqual(day('2015-05-29'));
    expect(nextIssueDate([day('2015-05-27')])).toEqual(day('2015-07-27'));
    expect(nextIssueDate([day('2015-04-29'), day('2015-05-27')])).toEqual(day('2015-07-27'));
  });

  it('keeps the proposed day inside a shorter month', () => {
    expect(nextIssueDate([day('2015-12-31')])).toEqual(day('2016-02-29'));
  });

  it('proposes today when there is no issue yet', () => {
    expect(nextIssueDate([], day('2026-03-04'))).toEqual(day('2026-03-04'));
  });

  it('finds the months with no issue, across the change of cadence', () => {
    expect(cadenceGaps(['2015-03', '2015-05', '2015-09']).map((g) => g.missing)).toEqual(['2015-04', '2015-07']);
    expect(cadenceGaps(['2015-05', '2015-06'])).toEqual([]);
    expect(cadenceGaps(['2015-04', '2015-05', '2015-07'])).toEqual([]);
    expect(cadenceGaps(['2015-05'])).toEqual([]);
  });

  it('says the cadence in words', () => {
    expect(describeCadence()).toBe('monthly until May 2015, then every two months');
  });
});
