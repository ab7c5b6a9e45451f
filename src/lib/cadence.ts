/**
 * How often the bulletin comes out, as data: the one place to change when the cadence changes.
 * A period covers issues dated before its `until` month (`YYYY-MM`); the last has no end.
 * Monthly until May 2015 (after April 2015 comes May 2015); from the May 2015 issue, which
 * announced the change, every two months (after May 2015 comes July 2015).
 */
export const bulletinCadence: readonly CadencePeriod[] = [
  { until: '2015-05', everyMonths: 1, label: 'monthly' },
  { everyMonths: 2, label: 'every two months' },
];

/** A stretch of time with one publishing interval. */
export interface CadencePeriod {
  /** The first month no longer in the period, `YYYY-MM`; absent for the period that is still running. */
  until?: string;
  /** Months from one issue to the next. */
  everyMonths: number;
  /** How editors say it, for messages. */
  label: string;
}

/** A calendar month as `YYYY-MM`. */
export type Month = string;

/**
 * The `YYYY-MM` month a date falls in (UTC, as YAML dates are).
 * @example monthOf(new Date('2015-05-27')) // => '2015-05'
 */
export function monthOf(date: Date): Month {
  return date.toISOString().slice(0, 7);
}

/**
 * A month moved on by a number of months.
 * @example addMonths('2015-11', 2) // => '2016-01'
 */
export function addMonths(month: Month, count: number): Month {
  const [year, mon] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The cadence period an issue of a given month belongs to: it sets how long until the next issue.
 * @example periodOf('2015-04') // => { until: '2015-05', everyMonths: 1, label: 'monthly' }
 */
export function periodOf(month: Month, cadence: readonly CadencePeriod[] = bulletinCadence): CadencePeriod {
  return cadence.find((period) => period.until === undefined || month < period.until) ?? cadence.at(-1)!;
}

/**
 * The month the issue after one of `month` is due.
 * @example nextIssueMonth('2015-04') // => '2015-05'
 * @example nextIssueMonth('2015-05') // => '2015-07'
 */
export function nextIssueMonth(month: Month, cadence: readonly CadencePeriod[] = bulletinCadence): Month {
  return addMonths(month, periodOf(month, cadence).everyMonths);
}

/**
 * The date to propose for the next issue: its due month, on the newest issue's day of the month
 * (or the month's last day when that month is shorter). Without any issue, `today`.
 * @example nextIssueDate([new Date('2015-05-27')]) // => 2015-07-27
 */
export function nextIssueDate(
  existing: readonly Date[],
  today: Date = new Date(),
  cadence: readonly CadencePeriod[] = bulletinCadence,
): Date {
  if (existing.length === 0) return new Date(today.toISOString().slice(0, 10));
  const newest = existing.reduce((a, b) => (b.getTime() > a.getTime() ? b : a));
  const [year, month] = nextIssueMonth(monthOf(newest), cadence).split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1, Math.min(newest.getUTCDate(), lastDay)));
}

/** An issue the cadence expected between two that exist. */
export interface CadenceGap {
  /** The month with no issue. */
  missing: Month;
  /** The issues either side of the gap. */
  after: Month;
  before: Month;
}

/**
 * Months the cadence expected an issue in but none exists, between the oldest and newest issue.
 * @example cadenceGaps(['2015-03', '2015-05', '2015-09']) // => [{ missing: '2015-04', ... }, { missing: '2015-07', ... }]
 */
export function cadenceGaps(
  months: readonly Month[],
  cadence: readonly CadencePeriod[] = bulletinCadence,
): CadenceGap[] {
  const sorted = [...new Set(months)].sort();
  const gaps: CadenceGap[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [after, before] = [sorted[i - 1], sorted[i]];
    for (let due = nextIssueMonth(after, cadence); due < before; due = nextIssueMonth(due, cadence)) {
      gaps.push({ missing: due, after, before });
    }
  }
  return gaps;
}

/**
 * The cadence in words, for messages and docs.
 * @example describeCadence(bulletinCadence) // => 'monthly until May 2015, then every two months'
 */
export function describeCadence(cadence: readonly CadencePeriod[] = bulletinCadence): string {
  const month = (m: string) =>
    new Date(`${m}-01`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return cadence
    .map((period, i) => `${i ? 'then ' : ''}${period.label}${period.until ? ` until ${month(period.until)}` : ''}`)
    .join(', ');
}
