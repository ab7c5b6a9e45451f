/**
 * The search page: results as you type, filters with counts, the search kept in the URL.
 * The only script the site ships; content pages highlight matches with text fragments instead (text-fragment.ts).
 * What is searched for (synonyms, clause references, fewer words) is worked out in search-engine.ts.
 */
import { loadPagefind, type FilterCounts, type Pagefind } from './pagefind-api.ts';
import { loadFacets, referenceFirst, runSearch, type Facets, type Hit, type Outcome } from './search-engine.ts';
import type { SynonymEntry } from './search-query.ts';
import {
  alsoSearched,
  fewerWordsLine,
  filterFieldsets,
  h,
  noResults,
  resultItem,
  suggestion,
  updateCounts,
} from './search-render.ts';
import { loadWords, suggestQuery } from './search-spelling.ts';
import { hasFilters, paramsFromState, stateFromParams, versionsFromBoxes, type SearchState } from './search-state.ts';

/** How long typing must pause before searching: long enough not to search on every key, short enough to feel live. */
const DEBOUNCE_MS = 250;
/** Results shown at a time; each one costs a request for its page's fragment. */
const PAGE_SIZE = 10;

const ui = document.querySelector<HTMLElement>('#search-ui')!;
const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-query')!;
const sort = form.querySelector<HTMLSelectElement>('#search-sort')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const results = document.querySelector<HTMLElement>('#search-results')!;
const filters = document.querySelector<HTMLElement>('#search-filters')!;
const unavailable = document.querySelector<HTMLElement>('#search-unavailable')!;
const baseTitle = document.title;
/** Written into the page by the build (search.astro): no request is made for them. */
const synonyms = JSON.parse(ui.dataset.synonyms ?? '[]') as SynonymEntry[];
const current = ui.dataset.currentVersion ?? '';

/** The search the form shows now. */
function readForm(): SearchState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
  const state = stateFromParams(params);
  // Until the filters are drawn, the versions are the URL's.
  if (!filters.querySelector('input[name=version]')) {
    const url = stateFromParams(new URLSearchParams(location.search));
    return { ...state, filters: { ...state.filters, version: url.filters.version }, allVersions: url.allVersions };
  }
  const { version, allVersions } = versionsFromBoxes(state.filters.version, current);
  return { ...state, filters: { ...state.filters, version }, allVersions };
}

/** Puts a search (from the URL) into the form. */
function writeForm(state: SearchState, all: FilterCounts): void {
  input.value = state.query;
  sort.value = state.sort;
  filters.replaceChildren(...filterFieldsets(all, state, current));
}

/** Keeps the address bar in step with the form, so a search can be shared and Back returns to it. */
function updateUrl(state: SearchState, mode: 'push' | 'replace'): void {
  const query = paramsFromState(state).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}`;
  document.title = state.query ? `${state.query} – ${baseTitle}` : baseTitle;
  if (url === `${location.pathname}${location.search}`) return;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The sentence read out after each search. */
function statusText(state: SearchState, outcome: Outcome): string {
  const filtered = hasFilters(state) ? ' with the filters you ticked' : '';
  const words = state.query ? ` for ‘${state.query}’` : '';
  const count = outcome.hits.length;
  if (count === 0) return `No results${words}${filtered}`;
  if (outcome.allWords === 0) return `${plural(count, 'result')} for some of the words in ‘${state.query}’${filtered}`;
  return `${plural(count, 'result')}${words}${filtered}`;
}

/** A link to this page searching for `query`, keeping the filters and order. */
function searchHref(state: SearchState, query: string): string {
  return `${location.pathname}?${paramsFromState({ ...state, query }).toString()}`;
}

/** Swaps the form for help and links when Pagefind cannot load or search. */
function showUnavailable(error: unknown): void {
  ui.hidden = true;
  unavailable.hidden = false;
  console.error(error);
}

/** A correction of the query that finds something with the same filters, if the word list has one. */
async function findSuggestion(
  pagefind: Pagefind,
  state: SearchState,
  facets: Facets,
  all: FilterCounts,
): Promise<string | undefined> {
  const corrected = suggestQuery(state.query, await loadWords());
  if (!corrected) return undefined;
  const tried = await runSearch(pagefind, { ...state, query: corrected }, facets, synonyms, current, all);
  return tried.hits.length > 0 ? corrected : undefined;
}

/** Wires the form to Pagefind: searches as the reader types, ticks or sorts, and when Back or Forward is used. */
function start(pagefind: Pagefind, all: FilterCounts): void {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let facets: Promise<Facets> | undefined;

  /** Runs the search in the form and shows it, unless a newer one has started meanwhile. */
  async function run(): Promise<void> {
    clearTimeout(timer);
    const id = ++latest;
    const state = readForm();
    if (!state.query && !hasFilters(state)) {
      status.textContent = '';
      results.replaceChildren();
      updateCounts(filters, all);
      return;
    }
    // Which page has which filter value: read at the first search, not before the reader types.
    facets ??= loadFacets(pagefind, all);
    const outcome = await runSearch(pagefind, state, await facets, synonyms, current, all);
    const hint =
      outcome.allWords === 0 && state.query ? await findSuggestion(pagefind, state, await facets, all) : undefined;
    const first = await Promise.all(outcome.hits.slice(0, PAGE_SIZE).map((hit) => hit.result.data()));
    if (id !== latest) return;
    // A clause or section the query names comes first, when it is among the first results.
    const named = referenceFirst(outcome.parsed, first);
    if (named > 0) {
      first.unshift(...first.splice(named, 1));
      outcome.hits.unshift(...outcome.hits.splice(named, 1));
    }

    updateCounts(filters, outcome.counts);
    status.textContent = statusText(state, outcome);
    const lead: HTMLElement[] = [];
    if (outcome.alsoSearched.length > 0) lead.push(alsoSearched(outcome.alsoSearched));
    if (hint) lead.push(suggestion(hint, searchHref(state, hint)));
    if (outcome.hits.length === 0) {
      results.replaceChildren(...lead, noResults(hasFilters(state)));
      return;
    }
    results.replaceChildren(...lead);
    const lists = { all: undefined as HTMLElement | undefined, fewer: undefined as HTMLElement | undefined };
    /** Adds results to their list: every word, or, under a line saying so, some of the words. */
    const append = (hits: Hit[], data: Awaited<ReturnType<Hit['result']['data']>>[]) =>
      data.map((d, i) => {
        const group = hits[i].fewer === 0 ? 'all' : 'fewer';
        let list = lists[group];
        if (!list) {
          if (group === 'fewer') results.append(fewerWordsLine(outcome.fewerWords, outcome.allWords === 0));
          list = lists[group] = h('ol', { class: 'nhsuk-list app-search-results' });
          results.append(list);
        }
        const item = resultItem(d, state.query);
        list.append(item);
        return item;
      });
    append(outcome.hits, first);
    let shown = first.length;
    if (shown < outcome.hits.length) {
      const more = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button' });
      const label = () => (more.textContent = `Show ${Math.min(PAGE_SIZE, outcome.hits.length - shown)} more`);
      label();
      const showMore = async () => {
        const hits = outcome.hits.slice(shown, shown + PAGE_SIZE);
        const next = await Promise.all(hits.map((hit) => hit.result.data()));
        if (id !== latest) return;
        const items = append(hits, next);
        shown += next.length;
        results.append(more);
        // Keyboard users continue from the first new result rather than the button.
        items[0]?.querySelector('a')?.focus();
        if (shown >= outcome.hits.length) more.remove();
        else label();
      };
      more.addEventListener('click', () => showMore().catch(showUnavailable));
      results.append(more);
    }
  }

  const runSafely = () => run().catch(showUnavailable);

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query) void pagefind.preload(query);
    // The reader is typing: work out the filter values meanwhile (from what Pagefind has loaded already).
    facets ??= loadFacets(pagefind, all);
    timer = setTimeout(() => {
      updateUrl(readForm(), 'replace');
      runSafely();
    }, DEBOUNCE_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    updateUrl(readForm(), 'push');
    runSafely();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    updateUrl(readForm(), 'push');
    runSafely();
  });
  window.addEventListener('popstate', () => {
    writeForm(stateFromParams(new URLSearchParams(location.search)), all);
    runSafely();
  });

  // Someone may have typed before Pagefind loaded: show and keep what is in the box now.
  updateUrl(readForm(), 'replace');
  runSafely();
}

async function main(): Promise<void> {
  // For browsers without the `scripting` media feature (see search.scss).
  document.documentElement.classList.add('app-js');
  const state = stateFromParams(new URLSearchParams(location.search));
  input.value = state.query;
  sort.value = state.sort;
  try {
    const pagefind = await loadPagefind();
    const all = await pagefind.filters();
    filters.replaceChildren(...filterFieldsets(all, state, current));
    start(pagefind, all);
  } catch (error) {
    showUnavailable(error);
  }
}

void main();
