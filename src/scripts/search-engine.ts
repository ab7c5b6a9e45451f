/**
 * Runs a search on top of Pagefind, which only finds pages holding every word: the words as typed and with
 * their synonyms; smaller sets of the words when all of them find too little; filters and counts worked out
 * here from each page's filter values, so that results merged from several searches are filtered and counted
 * alike and the counts add up.
 */
import type { FilterCounts, Pagefind, PagefindResult, PagefindResultData } from './pagefind-api.ts';
import { parseQuery, subsets, unitsText, variants, type ParsedQuery, type QueryUnit } from './search-query.ts';
import { FILTER_NAMES, type FilterName, type SearchState } from './search-state.ts';

/** Fewer results than this for all the words (after filters) and smaller sets of the words are tried too. */
export const TOO_FEW = 3;

/** A page found, and how: `fewer` is the size of the set of words that found it (0 when every word did). */
export interface Hit {
  result: PagefindResult;
  score: number;
  fewer: number;
}

/** Each page's filter values, and its place in date order; read once, at the first search. */
export interface Facets {
  values: Map<string, Partial<Record<FilterName, string>>>;
  dateRank: Map<string, number>;
}

/** What one search found, ready to show. */
export interface Outcome {
  parsed: ParsedQuery;
  /** Pages with every word (as typed or as a synonym), then pages with fewer, each group best first. */
  hits: Hit[];
  /** How many of `hits` have every word. */
  allWords: number;
  /** The sets of words that found the other pages, for the line above them. */
  fewerWords: string[];
  /** Synonyms searched for as well. */
  alsoSearched: string[];
  counts: FilterCounts;
}

/** Reads which page has which filter value, and the date order, with Pagefind searches by filter alone. */
export async function loadFacets(pagefind: Pagefind, all: FilterCounts): Promise<Facets> {
  const values = new Map<string, Partial<Record<FilterName, string>>>();
  const everyType = Object.keys(all.type ?? {});
  const lists = FILTER_NAMES.flatMap((name) => Object.keys(all[name] ?? {}).map((value) => ({ name, value })));
  const [byDate, ...found] = await Promise.all([
    pagefind.search(null, { filters: { type: { any: everyType } }, sort: { date: 'desc' } }),
    ...lists.map(({ name, value }) => pagefind.search(null, { filters: { [name]: { any: [value] } } })),
  ]);
  found.forEach((search, i) => {
    const { name, value } = lists[i];
    for (const result of search.results) values.set(result.id, { ...values.get(result.id), [name]: value });
  });
  return { values, dateRank: new Map(byDate.results.map((r, i) => [r.id, i])) };
}

/** The versions a search shows: those ticked, else every one when asked for, else the current one. */
function versionsShown(state: SearchState, current: string): string[] {
  if (state.filters.version.length > 0) return state.filters.version;
  return state.allVersions || !current ? [] : [current];
}

/**
 * Whether a page passes the ticked filters, leaving one filter out when counting its values. A year narrows
 * bulletins only and a version specification sections only, so the values of each add up to their type's count.
 */
export function passes(
  page: Partial<Record<FilterName, string>>,
  state: SearchState,
  current: string,
  without?: FilterName,
): boolean {
  const { type, year } = state.filters;
  if (without !== 'type' && type.length > 0 && !type.includes(page.type ?? '')) return false;
  if (without !== 'year' && page.type === 'Bulletin' && year.length > 0 && !year.includes(page.year ?? ''))
    return false;
  const versions = versionsShown(state, current);
  if (without !== 'version' && page.type === 'Specification' && versions.length > 0)
    return versions.includes(page.version ?? '');
  return true;
}

/** For each filter value, how many pages ticking it would show among `hits`. */
export function countHits(
  ids: Iterable<string>,
  facets: Facets,
  state: SearchState,
  current: string,
  all: FilterCounts,
): FilterCounts {
  const counts: FilterCounts = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, Object.fromEntries(Object.keys(all[name] ?? {}).map((v) => [v, 0]))]),
  );
  for (const id of ids) {
    const page = facets.values.get(id) ?? {};
    for (const name of FILTER_NAMES) {
      const value = page[name];
      if (value !== undefined && passes(page, state, current, name))
        counts[name][value] = (counts[name][value] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * Runs several Pagefind searches and keeps each page once, with its best score per word searched: Pagefind adds up
 * its words' scores, so without that a synonym of four words would outrank the word typed, and three words
 * matched weakly would outrank two matched well. A search that is only a quoted phrase is scored 1 for every
 * page by Pagefind, so it is scored by the same words unquoted.
 */
async function searchAll(pagefind: Pagefind, queries: string[]): Promise<Map<string, PagefindResult>> {
  const found = new Map<string, PagefindResult>();
  await Promise.all(
    queries.map(async (query) => {
      const unquoted = query.replaceAll('"', '');
      const words = unquoted.split(/\s+/).filter(Boolean).length || 1;
      const onlyPhrase = /^"[^"]*"$/.test(query);
      const [search, scored] = await Promise.all([
        pagefind.search(query),
        onlyPhrase ? pagefind.search(unquoted) : undefined,
      ]);
      const scores = new Map(scored?.results.map((r) => [r.id, r.score]));
      for (const result of search.results) {
        const score = (scores.get(result.id) ?? result.score) / words;
        const before = found.get(result.id);
        if (!before || before.score < score) found.set(result.id, { ...result, score });
      }
    }),
  );
  return found;
}

/**
 * Best first: Pagefind's score (which weighs rarer words more, so the more telling set of words wins), or for
 * "newest first" the date order. Pages with every word and pages with fewer are ordered apart.
 */
function order(hits: Hit[], state: SearchState, facets: Facets): Hit[] {
  const rank = (hit: Hit) => facets.dateRank.get(hit.result.id) ?? Number.MAX_SAFE_INTEGER;
  return hits.sort((a, b) => (state.sort === 'date' ? rank(a) - rank(b) : b.score - a.score));
}

/**
 * Searches for the query in `state`: every word first (as typed and with synonyms); when that shows fewer than
 * TOO_FEW pages after the filters, the largest smaller sets of the words that find more, listed below.
 */
export async function runSearch(
  pagefind: Pagefind,
  state: SearchState,
  facets: Facets,
  synonyms: Parameters<typeof parseQuery>[1],
  current: string,
  all: FilterCounts,
): Promise<Outcome> {
  const parsed = parseQuery(state.query, synonyms);
  const shown = (id: string) => passes(facets.values.get(id) ?? {}, state, current);
  const alsoSearched = [...new Set(parsed.units.flatMap((u) => u.synonyms))];

  let pool: Map<string, PagefindResult>;
  if (parsed.units.length === 0) {
    // Filters alone: every page, newest first unless sorted otherwise.
    pool = new Map(
      (await pagefind.search(null, { filters: { type: { any: Object.keys(all.type ?? {}) } } })).results.map((r) => [
        r.id,
        r,
      ]),
    );
  } else {
    pool = await searchAll(pagefind, variants(parsed.units));
  }
  const hits: Hit[] = [...pool.values()]
    .filter((r) => shown(r.id))
    .map((result) => ({ result, score: result.score, fewer: 0 }));
  order(hits, state, facets);
  const allWords = hits.length;

  const fewerWords: string[] = [];
  const fewerHits: Hit[] = [];
  if (allWords < TOO_FEW && parsed.units.length > 1) {
    let size = parsed.units.length;
    for (const set of subsets<QueryUnit>(parsed.units)) {
      // Stop at a smaller size once a larger one has found enough.
      if (set.length < size && fewerHits.length >= TOO_FEW) break;
      size = set.length;
      const found = await searchAll(pagefind, variants(set));
      let added = false;
      for (const result of found.values()) {
        if (!pool.has(result.id)) {
          pool.set(result.id, result);
          if (shown(result.id)) {
            fewerHits.push({ result, score: result.score, fewer: set.length });
            added = true;
          }
        } else {
          const hit = fewerHits.find((h) => h.result.id === result.id);
          if (hit && hit.fewer === set.length && hit.score < result.score) hit.score = result.score;
        }
      }
      if (added) fewerWords.push(unitsText(set));
    }
  }
  order(fewerHits, state, facets);
  return {
    parsed,
    hits: [...hits, ...fewerHits],
    allWords,
    fewerWords,
    alsoSearched,
    counts: countHits(pool.keys(), facets, state, current, all),
  };
}

/**
 * Puts the clause or section a query names first among the results already loaded: the specification page
 * with a sub-result headed by the clause's number, or whose title starts with the section's number.
 */
export function referenceFirst(parsed: ParsedQuery, loaded: PagefindResultData[]): number {
  const reference = parsed.reference;
  if (!reference) return -1;
  return loaded.findIndex((data) => {
    if (!data.filters.type?.includes('Specification')) return false;
    if (reference.kind === 'section') return (data.meta.title ?? '').startsWith(`${reference.number}. `);
    return data.sub_results.some((sub) => sub.title.startsWith(`${reference.number} `));
  });
}
