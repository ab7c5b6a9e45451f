import { formatDate } from './dates.ts';

/** The least of a bulletin the archive needs: its id (`2015-05`) and date. */
export interface Dated {
  id: string;
  data: { date: Date };
}

/** Newest first; issues of the same day keep a stable order by id. */
export function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || b.id.localeCompare(a.id));
}

/** A year of the archive and its issues, newest first. */
export interface ArchiveYear<T> {
  year: number;
  items: T[];
}

/**
 * Groups issues by year, newest year first and newest issue first within it.
 * @example groupByYear([may2015, nov2014]) // => [{ year: 2015, items: [may2015] }, { year: 2014, items: [nov2014] }]
 */
export function groupByYear<T extends Dated>(items: readonly T[]): ArchiveYear<T>[] {
  const years = new Map<number, T[]>();
  for (const item of newestFirst(items)) {
    const year = item.data.date.getUTCFullYear();
    years.set(year, [...(years.get(year) ?? []), item]);
  }
  return [...years].map(([year, group]) => ({ year, items: group }));
}

/**
 * Every issue with the issues either side of it in date order, `previous` older and `next` newer, from
 * one sort of the archive: sorting it again for each issue grows with the square of the archive.
 * @example withNeighbours(all)[1] // => { item: <May 2015>, previous: <April 2015>, next: <July 2015> }
 */
export function withNeighbours<T extends Dated>(items: readonly T[]): { item: T; previous?: T; next?: T }[] {
  const ordered = newestFirst(items);
  return ordered.map((item, index) => ({ item, previous: ordered[index + 1], next: ordered[index - 1] }));
}

/**
 * How many issues the archive holds and from when, in one sentence, so a reader can weigh the newest.
 * @example archiveSummary([new Date('2015-05-27')]) // => 'The archive holds 1 issue, published on 27 May 2015.'
 * @example archiveSummary([new Date('2015-05-27'), new Date('2014-12-22')])
 * // => 'The archive holds 2 issues, published from 22 December 2014 to 27 May 2015.'
 */
export function archiveSummary(dates: readonly Date[]): string {
  if (dates.length === 0) return 'The archive holds no issues yet.';
  const sorted = [...dates].sort((a, b) => a.getTime() - b.getTime());
  const [first, last] = [formatDate(sorted[0]), formatDate(sorted.at(-1)!)];
  return dates.length === 1
    ? `The archive holds 1 issue, published on ${first}.`
    : `The archive holds ${dates.length} issues, published from ${first} to ${last}.`;
}
