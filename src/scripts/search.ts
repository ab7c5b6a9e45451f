/**
 * The search page: results as you type, filters with counts, the search kept in the URL.
 * The only script the site ships; content pages highlight matches with text fragments instead (text-fragment.ts).
 */
import { loadPagefind, type FilterCounts, type Pagefind, type PagefindSearch } from './pagefind-api.ts';
import { filterFieldsets, h, noResults, resultItem, updateCounts } from './search-render.ts';
import {
  FILTER_NAMES,
  hasFilters,
  pagefindFilters,
  supersededVersions,
  paramsFromState,
  stateFromParams,
  type SearchState,
} from './search-state.ts';

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

/** The search the form shows now. */
function readForm(): SearchState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') params.append(name, value);
  return stateFromParams(params);
}

/** Puts a search (from the URL) into the form. */
function writeForm(state: SearchState): void {
  input.value = state.query;
  sort.value = state.sort;
  for (const box of filters.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = state.filters[box.name as keyof SearchState['filters']]?.includes(box.value) ?? false;
  }
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
function statusText(state: SearchState, count: number): string {
  const filtered = hasFilters(state) ? ' with the filters you ticked' : '';
  const words = state.query ? ` for ‘${state.query}’` : '';
  return count === 0 ? `No results${words}${filtered}` : `${plural(count, 'result')}${words}${filtered}`;
}

/**
 * Counts for every filter value: for a filter with ticked values, what ticking another would give
 * (the search without that filter); for the others, what Pagefind counts alongside the search.
 */
async function filterCounts(
  pagefind: Pagefind,
  state: SearchState,
  search: PagefindSearch,
  superseded: string[],
): Promise<FilterCounts> {
  const counts: FilterCounts = { ...search.filters };
  // Older versions are left out by default, so their counts come from a search that includes them.
  const recount = FILTER_NAMES.filter(
    (name) => state.filters[name].length > 0 || (name === 'version' && superseded.length > 0),
  );
  await Promise.all(
    recount.map(async (name) => {
      const without = await pagefind.search(state.query || null, {
        filters: pagefindFilters(state.filters, name, superseded),
      });
      counts[name] = without.filters[name] ?? {};
    }),
  );
  return counts;
}

/** Swaps the form for help and links when Pagefind cannot load or search. */
function showUnavailable(error: unknown): void {
  ui.hidden = true;
  unavailable.hidden = false;
  console.error(error);
}

/** Wires the form to Pagefind: searches as the reader types, ticks or sorts, and when Back or Forward is used. */
function start(pagefind: Pagefind, allFilters: FilterCounts): void {
  let latest = 0;
  const superseded = supersededVersions(allFilters.version);
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Runs the search in the form and shows it, unless a newer one has started meanwhile. */
  async function run(): Promise<void> {
    clearTimeout(timer);
    const id = ++latest;
    const state = readForm();
    if (!state.query && !hasFilters(state)) {
      status.textContent = '';
      results.replaceChildren();
      updateCounts(filters, allFilters);
      return;
    }
    const options = {
      filters: pagefindFilters(state.filters, undefined, superseded),
      sort: state.sort === 'date' ? { date: 'desc' as const } : undefined,
    };
    const search = await pagefind.search(state.query || null, options);
    const counts = await filterCounts(pagefind, state, search, superseded);
    const first = await Promise.all(search.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (id !== latest) return;

    updateCounts(filters, counts);
    status.textContent = statusText(state, search.results.length);
    if (search.results.length === 0) {
      results.replaceChildren(noResults(hasFilters(state)));
      return;
    }
    const list = h('ol', { class: 'nhsuk-list app-search-results' }, ...first.map((d) => resultItem(d, state.query)));
    results.replaceChildren(list);
    let shown = first.length;
    if (shown < search.results.length) {
      const more = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button' });
      const label = () => (more.textContent = `Show ${Math.min(PAGE_SIZE, search.results.length - shown)} more`);
      label();
      const showMore = async () => {
        const next = await Promise.all(search.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
        if (id !== latest) return;
        const items = next.map((d) => resultItem(d, state.query));
        list.append(...items);
        shown += next.length;
        // Keyboard users continue from the first new result rather than the button.
        items[0]?.querySelector('a')?.focus();
        if (shown >= search.results.length) more.remove();
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
    writeForm(stateFromParams(new URLSearchParams(location.search)));
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
    const allFilters = await pagefind.filters();
    filters.replaceChildren(...filterFieldsets(allFilters, state));
    start(pagefind, allFilters);
  } catch (error) {
    showUnavailable(error);
  }
}

void main();
