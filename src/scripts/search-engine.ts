/**
 * Runs a search on top of Pagefind, which only finds pages holding every word it is given. Here every meaningful
 * word counts and none is required: each word (with its irregular forms and synonyms) is searched on its own, and
 * a page scores the sum, over the words it holds, of how rare the word is on the site (IDF from Pagefind's result
 * counts) times how well the page matches it (Pagefind's own score). Pages holding every word come first.
 * Filters and counts are worked out here from each page's filter values, so that they add up.
 */
import type { FilterCounts, Pagefind, PagefindResult } from './pagefind-api.ts';
import { alternatives, parseQuery, type ParsedQuery, type QueryUnit } from './search-query.ts';
import { FILTER_NAMES, type FilterName, type SearchState } from './search-state.ts';

/** A page found: its score, and Pagefind's result for each word it holds (for its excerpt). */
export interface Hit {
  result: PagefindResult;
  score: number;
  /** Pagefind's results for this page, one per word it holds, best first. */
  matches: PagefindResult[];
  /** Whether it holds every meaningful word. */
  all: boolean;
}

/** Each page's filter values, and its place in date order; read once, at the first search. */
export interface Facets {
  values: Map<string, Partial<Record<FilterName, string>>>;
  dateRank: Map<string, number>;
}

/** What one search found, ready to show. */
export interface Outcome {
  parsed: ParsedQuery;
  /** Pages with every word first, then pages with some, each group best first. */
  hits: Hit[];
  /** How many of `hits` hold every word. */
  allWords: number;
  /** Words (as typed) that no page holds, in any form. */
  missing: string[];
  /** Synonyms searched for as well. */
  alsoSearched: string[];
  /** Results left out only because they are in an older version of the specification. */
  olderHidden: number;
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

/**
 * The versions a search shows: those ticked, else every one when asked for, else the current one and any
 * version the query names by its year (`screening 2014`).
 */
function versionsShown(state: SearchState, current: string, named: string[]): string[] {
  if (state.filters.version.length > 0) return state.filters.version;
  return state.allVersions || !current ? [] : [current, ...named];
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
  named: string[] = [],
): boolean {
  const { type, year } = state.filters;
  if (without !== 'type' && type.length > 0 && !type.includes(page.type ?? '')) return false;
  if (without !== 'year' && page.type === 'Bulletin' && year.length > 0 && !year.includes(page.year ?? ''))
    return false;
  const versions = versionsShown(state, current, named);
  if (without !== 'version' && page.type === 'Specification' && versions.length > 0)
    return versions.includes(page.version ?? '');
  return true;
}

/** For each filter value, how many pages ticking it would show among `ids`. */
export function countHits(
  ids: Iterable<string>,
  facets: Facets,
  state: SearchState,
  current: string,
  all: FilterCounts,
  named: string[] = [],
): FilterCounts {
  const counts: FilterCounts = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, Object.fromEntries(Object.keys(all[name] ?? {}).map((v) => [v, 0]))]),
  );
  for (const id of ids) {
    const page = facets.values.get(id) ?? {};
    for (const name of FILTER_NAMES) {
      const value = page[name];
      if (value !== undefined && passes(page, state, current, name, named))
        counts[name][value] = (counts[name][value] ?? 0) + 1;
    }
  }
  return counts;
}

/** One word's pages: Pagefind's best result for each, scored per word searched. */
type WordPages = Map<string, { result: PagefindResult; score: number }>;

/**
 * The pages holding one unit in any of its forms, each with its best score. Pagefind adds up the scores of a
 * search's words, so each search's score is divided by its number of words (a synonym of four words would
 * otherwise outrank the word typed). A quoted phrase is scored 1 for every page by Pagefind, so it is scored by
 * the same words unquoted.
 */
export async function searchUnit(
  pagefind: Pagefind,
  unit: QueryUnit,
  held: Promise<(word: string) => boolean> = Promise.resolve(() => true),
): Promise<WordPages> {
  const found: WordPages = new Map();
  await Promise.all(
    alternatives(unit).map(async (query) => {
      const unquoted = query.replaceAll('"', '');
      const words = unquoted.split(/\s+/).filter(Boolean).length || 1;
      const phrase = query.startsWith('"');
      const [search, scored, onSite] = await Promise.all([
        pagefind.search(query),
        phrase ? pagefind.search(unquoted) : null,
        held,
      ]);
      // A word no page holds: Pagefind's results are for a shorter word it starts with (see onSite).
      if (!phrase && !onSite(query)) return;
      const scores = new Map(scored?.results.map((r) => [r.id, r.score]));
      for (const result of search.results) {
        const score = (scores.get(result.id) ?? result.score) / words;
        const before = found.get(result.id);
        if (!before || before.score < score) found.set(result.id, { result, score });
      }
    }),
  );
  return found;
}

/**
 * How much a word says about a page: rare words more than common ones (inverse document frequency, as BM25
 * weighs it). A word on most pages (`liaison`, `service`, `england`) counts for little, so pages holding several
 * such words do not outrank the page holding the one rare word that says what the query is about.
 * @example rarity(100, 1) > rarity(100, 50) // => true
 */
export function rarity(pages: number, holding: number): number {
  const held = Math.min(Math.max(1, holding), pages);
  return Math.log(1 + (pages - held + 0.5) / (held + 0.5));
}

/** The share of a word's weight a page gets for holding it at all; the rest is for how well it matches. */
const HOLDS = 0.15;

/**
 * Scores pages from each word's pages: the sum, over the words a page holds, of the word's rarity times how well
 * the page matches it compared with the best page for that word (HOLDS for holding it, the rest for how well).
 */
export function scorePages(perWord: WordPages[], pages: number): Hit[] {
  const weights = perWord.map((found) => rarity(pages, found.size));
  const best = perWord.map((found) => Math.max(0, ...[...found.values()].map((f) => f.score)));
  const hits = new Map<string, Hit>();
  perWord.forEach((found, w) => {
    for (const [id, { result, score }] of found) {
      const hit = hits.get(id) ?? { result, score: 0, matches: [], all: false };
      hit.score += weights[w] * (HOLDS + ((1 - HOLDS) * score) / (best[w] || 1));
      hit.matches.push(result);
      hits.set(id, hit);
    }
  });
  const wanted = perWord.filter((found) => found.size > 0).length;
  for (const hit of hits.values()) hit.all = hit.matches.length === perWord.length && wanted > 0;
  return [...hits.values()];
}

/** Best first: every word before some, then by score; or for "newest first" the date order. */
function order(hits: Hit[], state: SearchState, facets: Facets): Hit[] {
  const rank = (hit: Hit) => facets.dateRank.get(hit.result.id) ?? Number.MAX_SAFE_INTEGER;
  return hits.sort((a, b) =>
    state.sort === 'date' ? rank(a) - rank(b) : Number(b.all) - Number(a.all) || b.score - a.score,
  );
}

/**
 * Searches for the query in `state`, every meaningful word counting and none required. `held` says whether the
 * site holds a word at all (from the word list); without it every word Pagefind matches counts.
 */
export async function runSearch(
  pagefind: Pagefind,
  state: SearchState,
  facets: Facets,
  synonyms: Parameters<typeof parseQuery>[1],
  current: string,
  all: FilterCounts,
  held?: Promise<(word: string) => boolean>,
): Promise<Outcome> {
  const parsed = parseQuery(state.query, synonyms);
  const versions = Object.keys(all.version ?? {});
  const named = parsed.units.map((u) => u.text).filter((text) => versions.includes(text));
  const alsoSearched = [...new Set(parsed.units.flatMap((u) => u.synonyms))];
  const pages = Object.values(all.type ?? {}).reduce((sum, n) => sum + n, 0);

  let hits: Hit[];
  let missing: string[] = [];
  if (parsed.units.length === 0 && !state.query) {
    // Filters alone: every page, newest first unless sorted otherwise.
    const every = await pagefind.search(null, { filters: { type: { any: Object.keys(all.type ?? {}) } } });
    hits = every.results.map((result) => ({ result, score: result.score, matches: [result], all: true }));
  } else {
    const perWord = await Promise.all(parsed.units.map((unit) => searchUnit(pagefind, unit, held)));
    missing = parsed.units.filter((_, i) => perWord[i].size === 0).map((u) => u.text);
    hits = scorePages(perWord, pages);
  }
  const page = (hit: Hit) => facets.values.get(hit.result.id) ?? {};
  const shown = hits.filter((hit) => passes(page(hit), state, current, undefined, named));
  const olderHidden = hits.filter(
    (hit) => !passes(page(hit), state, current, undefined, named) && passes(page(hit), state, current, 'version'),
  ).length;
  order(shown, state, facets);
  return {
    parsed,
    hits: shown,
    allWords: shown.filter((hit) => hit.all).length,
    missing,
    alsoSearched,
    olderHidden,
    counts: countHits(
      hits.map((hit) => hit.result.id),
      facets,
      state,
      current,
      all,
      named,
    ),
  };
}

/** A heading or term compared with a query: lowercase, without its number or a bracketed abbreviation. */
const headingKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/^\d+(\.\d+)*\.?\s+/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Words that ask what changed between versions: only then does a comparison of versions answer the query. */
const CHANGE_WORDS = /^(chang|differ|compar|updat|amend|revis|version)/;

/**
 * Whether the query asks about changes between versions (`screening changes 2014 2019`, `what is new`).
 * @example asksAboutChanges(parseQuery('what changed in 2019')) // => true
 */
export function asksAboutChanges(parsed: ParsedQuery): boolean {
  return parsed.units.some((unit) => CHANGE_WORDS.test(unit.text.toLowerCase()));
}

/**
 * Reorders the first results once their pages are loaded, where the page's own text can tell more than the
 * index: a page whose best part (a clause, a heading's text) holds more of the words together ranks higher, a
 * heading or glossary term that is exactly what was typed ranks higher still, and a comparison of versions lower.
 * Pages with every word stay first; a glossary holds every word only if one of its terms does (`all` is
 * updated). Returns the new order as indexes into `hits`.
 */
export function rerank(
  parsed: ParsedQuery,
  hits: readonly Pick<Hit, 'all' | 'score' | 'matches'>[],
  loaded: readonly {
    data: { meta: { kind?: string } };
    parts: readonly { title: string; words: number; element: string; id?: string }[];
  }[],
): number[] {
  const typed = headingKey(parsed.units.map((u) => u.text).join(' '));
  const words = parsed.units.length || 1;
  const aboutChanges = asksAboutChanges(parsed);
  // A glossary is a list of separate terms: it holds every word only if one term does, and scores for the share
  // of the words its best term holds.
  const spread = loaded.map(({ parts }, i) => {
    const glossary = parts.some((part) => part.element === 'dt') && parts.every((p) => p.element === 'dt' || !p.id);
    if (!glossary) return 1;
    hits[i].all &&= (parts[0]?.words ?? 0) >= words;
    return (parts[0]?.words ?? 0) / Math.max(1, hits[i].matches.length);
  });
  const adjusted = loaded.map(({ data, parts }, i) => {
    const together = parts[0]?.words ?? 1;
    const exact = typed !== '' && parts.some((part) => headingKey(part.title) === typed);
    // A comparison repeats the words of two versions' clauses (older ones too): it answers "what changed", not
    // "what it says", so unless the query asks about changes it ranks with the pages holding only some words.
    const isComparison = data.meta.kind === 'changes';
    if (isComparison && !aboutChanges) hits[i].all = false;
    const comparison = isComparison && !aboutChanges ? 0.5 : 1;
    return hits[i].score * (1 + (together - 1) / words) * (exact ? 2 : 1) * comparison * spread[i];
  });
  return loaded.map((_, i) => i).sort((a, b) => Number(hits[b].all) - Number(hits[a].all) || adjusted[b] - adjusted[a]);
}

/**
 * Puts the clause or section a query names first among the results already loaded: the specification page
 * with a part headed by the clause's number, or whose title starts with the section's number.
 */
export function referenceFirst(
  parsed: ParsedQuery,
  loaded: { data: { filters: Record<string, string[]>; meta: { title?: string } }; parts: { title: string }[] }[],
): number {
  const reference = parsed.reference;
  if (!reference) return -1;
  return loaded.findIndex(({ data, parts }) => {
    if (!data.filters.type?.includes('Specification')) return false;
    if (reference.kind === 'section') return (data.meta.title ?? '').startsWith(`${reference.number}. `);
    return parts.some((part) => part.title.startsWith(`${reference.number} `));
  });
}

/**
 * Puts the part headed by the clause a query names first among a page's parts, so `3.1` shows clause 3.1 and not
 * 3.10, which Pagefind also matches (it matches the start of a word).
 */
export function namedPartFirst<T extends { title: string }>(parsed: ParsedQuery, parts: T[]): T[] {
  const reference = parsed.reference;
  if (reference?.kind !== 'clause') return parts;
  const named = parts.findIndex((part) => part.title.startsWith(`${reference.number} `));
  return named > 0 ? [parts[named], ...parts.slice(0, named), ...parts.slice(named + 1)] : parts;
}
