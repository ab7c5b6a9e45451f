/** The filters the index carries (see `src/lib/search-index.ts`), in the order the page shows them. */
export const FILTER_NAMES = ['type', 'year', 'version'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Everything a search is made of; it round-trips through the page's URL so a search can be shared. */
export interface SearchState {
  query: string;
  filters: Record<FilterName, string[]>;
  /** `relevance` (best match first) or `date` (newest first). */
  sort: 'relevance' | 'date';
}

/**
 * Reads a search from a query string: the same names the search form submits without JavaScript.
 * @example stateFromParams(new URLSearchParams('q=screening&type=Specification'))
 * // => { query: 'screening', filters: { type: ['Specification'], year: [], version: [] }, sort: 'relevance' }
 */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, [...new Set(params.getAll(name).filter(Boolean))]]),
  ) as Record<FilterName, string[]>;
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/**
 * Writes a search as a query string, leaving out what is empty or default.
 * @example paramsFromState({ query: '5.2', filters: { type: [], year: [], version: ['2019'] }, sort: 'relevance' }).toString()
 * // => 'q=5.2&version=2019'
 */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of FILTER_NAMES) for (const value of state.filters[name]) params.append(name, value);
  if (state.sort === 'date') params.set('sort', 'date');
  return params;
}

/** Whether any filter is ticked. */
export function hasFilters(state: SearchState): boolean {
  return FILTER_NAMES.some((name) => state.filters[name].length > 0);
}

/** Pagefind's filter syntax: any of the ticked values within a filter, every filter that has one. */
export type PagefindFilters = Partial<Record<FilterName, { any: string[] } | { none: string[] }>>;

/**
 * The filters to pass to Pagefind, optionally leaving one out (to count what ticking its other values would give).
 * @example pagefindFilters({ type: ['Bulletin'], year: [], version: [] }) // => { type: { any: ['Bulletin'] } }
 */
export function pagefindFilters(
  filters: SearchState['filters'],
  without?: FilterName,
  superseded: readonly string[] = [],
): PagefindFilters {
  const result: PagefindFilters = {};
  for (const name of FILTER_NAMES) {
    if (name !== without && filters[name].length > 0) result[name] = { any: filters[name] };
  }
  // Specification results default to the current version: older ones only when a version is ticked.
  if (without !== 'version' && filters.version.length === 0 && superseded.length > 0) {
    result.version = { none: [...superseded] };
  }
  return result;
}

/**
 * The versions to leave out by default: every version but the newest (the build guarantees the newest is current).
 * @example supersededVersions({ '2019': 14, '2014': 9 }) // => ['2014']
 */
export function supersededVersions(versionCounts: Record<string, number> | undefined): string[] {
  const versions = Object.keys(versionCounts ?? {}).sort((a, b) => b.localeCompare(a));
  return versions.slice(1);
}
