/**
 * The part of Pagefind's browser API (`/pagefind/pagefind.js`) the search page uses.
 * Pagefind ships no types for it; these follow https://pagefind.app/docs/api/ for v1.
 */

/** Result counts per filter value: `{ type: { Bulletin: 3 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Present when the sub-result starts at a heading with an id. */
  anchor?: { element: string; id: string; text: string };
  weighted_locations: { weight: number; balanced_score: number; location: number }[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, `<` and `>` escaped, words as Pagefind counts them. */
  raw_content?: string;
  /** Elements with an id, where they start in the page's words. */
  anchors?: { element: string; id: string; text: string; location: number }[];
  /** Where this search's words are in the page. */
  weighted_locations: { weight: number; balanced_score: number; location: number }[];
  meta: { title?: string; summary?: string; date?: string; label?: string; kind?: string; standing?: string };
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

/** One page a search found; `data()` fetches its fragment (title, excerpt, sub-results). */
export interface PagefindResult {
  id: string;
  score: number;
  /** Where the search's words are in the page (word positions, as in the fragment's `anchors`). */
  words?: number[];
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/** Pagefind's filter syntax: any of the listed values of each filter named. */
export type PagefindFilters = Record<string, { any: string[] } | { none: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface Pagefind {
  options: (options: { excerptLength?: number; basePath?: string }) => Promise<void>;
  init: () => Promise<void>;
  filters: () => Promise<FilterCounts>;
  preload: (term: string, options?: PagefindSearchOptions) => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindSearch>;
}

/** Where the build writes the index (see `cli/lib/pagefind.ts`). */
export const PAGEFIND_URL = '/pagefind/pagefind.js';

/** Loads Pagefind at run time: it is written after Astro bundles this script, so it cannot be bundled. */
export async function loadPagefind(): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as Pagefind;
  await pagefind.options({ excerptLength: 30 });
  await pagefind.init();
  return pagefind;
}

/**
 * The same Pagefind, answering a search it has answered before from memory: the index does not change while the
 * page is open, and the search page asks for the same word again as the reader types more words (each word is its
 * own search, see search-engine.ts).
 */
export function withRememberedSearches(pagefind: Pagefind): Pagefind {
  const answers = new Map<string, Promise<PagefindSearch>>();
  return {
    ...pagefind,
    search: (term, options) => {
      const key = JSON.stringify([term, options ?? {}]);
      let answer = answers.get(key);
      if (!answer) {
        answer = pagefind.search(term, options);
        answers.set(key, answer);
        // A search that failed is tried again next time.
        answer.catch(() => answers.delete(key));
      }
      return answer;
    },
  };
}
