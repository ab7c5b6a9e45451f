const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A date the NHS.UK way: day, month in full, year.
 * @example formatDate(new Date('2015-05-27')) // => '27 May 2015'
 */
export function formatDate(date: Date): string {
  return dayMonthYear.format(date);
}

/**
 * A month and year, for an issue's name.
 * @example formatMonth(new Date('2015-05-27')) // => 'May 2015'
 */
export function formatMonth(date: Date): string {
  return monthYear.format(date);
}

/**
 * A machine-readable date for `<time datetime>`.
 * @example isoDay(new Date('2015-05-27')) // => '2015-05-27'
 */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
