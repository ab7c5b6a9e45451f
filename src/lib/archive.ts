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
 * The issues either side of one in date order: `previous` is older, `next` is newer.
 * @example neighbours(all, '2015-05') // => { previous: <April 2015>, next: <July 2015> }
 */
export function neighbours<T extends Dated>(items: readonly T[], id: string) {
  const ordered = newestFirst(items).reverse();
  const index = ordered.findIndex((item) => item.id === id);
  return {
    previous: index > 0 ? ordered[index - 1] : undefined,
    next: index >= 0 && index < ordered.length - 1 ? ordered[index + 1] : undefined,
  };
}
