/** The filters the index carries (see `src/lib/search-index.ts`), in the order the page shows them. */
export const FILTER_NAMES = ['type', 'year', 'version'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** Everything a search is made of; it round-trips through the page's URL so a search can be shared. */
export interface SearchState {
  query: string;
  /** Ticked values. No version ticked means the current version, unless `allVersions`. */
  filters: Record<FilterName, string[]>;
  /** Every version unticked by the reader (`version=all`): specification sections of every version show. */
  allVersions: boolean;
  /** `relevance` (best match first) or `date` (newest first). */
  sort: 'relevance' | 'date';
}

/**
 * Reads a search from a query string: the same names the search form submits without JavaScript.
 * @example stateFromParams(new URLSearchParams('q=screening&type=Specification'))
 * // => { query: 'screening', filters: { type: ['Specification'], year: [], version: [] }, allVersions: false, sort: 'relevance' }
 */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    FILTER_NAMES.map((name) => [name, [...new Set(params.getAll(name).filter((v) => v && v !== 'all'))]]),
  ) as Record<FilterName, string[]>;
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    allVersions: filters.version.length === 0 && params.getAll('version').includes('all'),
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/**
 * Writes a search as a query string, leaving out what is empty or default.
 * @example paramsFromState({ query: '5.2', filters: { type: [], year: [], version: ['2014'] }, allVersions: false, sort: 'relevance' }).toString()
 * // => 'q=5.2&version=2014'
 */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of FILTER_NAMES) for (const value of state.filters[name]) params.append(name, value);
  if (state.allVersions && state.filters.version.length === 0) params.append('version', 'all');
  if (state.sort === 'date') params.set('sort', 'date');
  return params;
}

/**
 * The search the form's boxes make, given the current version: the current version ticked alone is the
 * default (left out of the URL); no version ticked asks for every version.
 * @example versionsFromBoxes(['2019'], '2019') // => { version: [], allVersions: false }
 */
export function versionsFromBoxes(ticked: string[], current: string): { version: string[]; allVersions: boolean } {
  if (ticked.length === 0) return { version: [], allVersions: true };
  if (ticked.length === 1 && ticked[0] === current) return { version: [], allVersions: false };
  return { version: ticked, allVersions: false };
}

/** Whether a version's box shows ticked: ticked by the reader, or the current one by default. */
export function versionTicked(state: SearchState, value: string, current: string): boolean {
  if (state.filters.version.length > 0) return state.filters.version.includes(value);
  return !state.allVersions && value === current;
}

/** Whether the reader narrowed the search with a filter (the default version does not count). */
export function hasFilters(state: SearchState): boolean {
  return FILTER_NAMES.some((name) => state.filters[name].length > 0) || state.allVersions;
}
