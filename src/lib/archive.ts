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
