/**
 * The search page: results as you type, filters with counts, the search kept in the URL.
 * The only script the site ships; content pages highlight matches with text fragments instead (text-fragment.ts).
 * What is searched for (synonyms, clause references, fewer words) is worked out in search-engine.ts.
 */
import { loadPagefind, withRememberedSearches, type FilterCounts, type Pagefind } from './pagefind-api.ts';
import {
  loadFacets,
  namedPartFirst,
  referenceFirst,
  rerank,
  runSearch,
  searchUnit,
  type Facets,
  type Hit,
  type Outcome,
} from './search-engine.ts';
import { matchedParts, mergeLocations } from './search-fragments.ts';
import { glossaryMatch, parseQuery, type GlossaryTerm, type SynonymEntry } from './search-query.ts';
import {
  alsoSearched,
  corrected,
  filterFieldsets,
  h,
  noResults,
  olderHiddenLine,
  resultItems,
  someWordsLine,
  termItem,
  updateCounts,
} from './search-render.ts';
import { loadWords, onSite, suggestQuery } from './search-spelling.ts';
import { hasFilters, paramsFromState, stateFromParams, versionsFromBoxes, type SearchState } from './search-state.ts';

/**
 * How long typing must pause before the results are shown: long enough not to redraw and fetch result fragments on
 * every key, short enough to feel live (issue 24: results within 300 ms of the last key, this pause included). The
 * words already typed are searched meanwhile (see the input listener), so little is left to do after it.
 */
const DEBOUNCE_MS = 120;
/**
 * The pause while the last word looks unfinished (not a word of the site, but the start of one: `assessm`), so
 * that a reader typing at an ordinary pace does not fetch results for every half-typed word.
 */
const UNFINISHED_MS = 250;
/** A moment without a key after which the word being typed is searched (not shown) while the pause runs on. */
const WARM_MS = 30;
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
const glossary = JSON.parse(ui.dataset.glossary ?? '[]') as GlossaryTerm[];
const glossaryUrl = ui.dataset.glossaryUrl ?? '';
const current = ui.dataset.currentVersion ?? '';
/** A query the reader asked to search exactly as typed (`exact=1`, from "Search instead for"): never corrected. */
const exactQuery = new URLSearchParams(location.search).get('exact')
  ? (new URLSearchParams(location.search).get('q') ?? '').trim()
  : '';

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
  const params = paramsFromState(state);
  if (state.query && state.query === exactQuery) params.set('exact', '1');
  const query = params.toString();
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
function statusText(state: SearchState, outcome: Outcome, query: string): string {
  const filtered = hasFilters(state) ? ' with the filters you ticked' : '';
  const words = query ? ` for ‘${query}’` : '';
  const count = outcome.hits.length;
  if (count === 0) return `No results${words}${filtered}`;
  if (outcome.allWords === 0) return `${plural(count, 'result')} for some of the words in ‘${query}’${filtered}`;
  return `${plural(count, 'result')}${words}${filtered}`;
}

/** A link to this page searching for `query`, keeping the filters and order. */
function searchHref(state: SearchState, query: string, extra: Record<string, string> = {}): string {
  const params = paramsFromState({ ...state, query });
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `${location.pathname}?${params.toString()}`;
}

/**
 * The page's matching parts: its fragment (fetched once), and where each word it holds is, from each word's
 * search result. The fragment's own `weighted_locations` are not used: Pagefind keeps one fragment object per page
 * and overwrites them for each `data()` call, so two calls for one page can answer with the other's words.
 */
async function loadHit(hit: Hit) {
  const data = await hit.matches[0].data();
  const words = hit.matches.map((match) =>
    (match.words ?? []).map((location) => ({ location, balanced_score: 1, weight: 1 })),
  );
  return { data, parts: matchedParts(data, mergeLocations(words)) };
}

/** Swaps the form for help and links when Pagefind cannot load or search. */
function showUnavailable(error: unknown): void {
  ui.hidden = true;
  unavailable.hidden = false;
  console.error(error);
}

/** Whether the site holds a word, from the word list (fetched at the first search, beside Pagefind's searches). */
const held = () => loadWords().then((words) => (word: string) => onSite(word, words));

/** The site's words once the word list has come (it is fetched at the first key), for the pause's length. */
let siteWords: { all: Set<string>; list: string[] } | undefined;

/** How long to wait after this key: longer while the last word is the start of a site word but not one itself. */
function pauseAfter(value: string): number {
  const last = (/\S+$/.exec(value)?.[0] ?? '').toLowerCase();
  if (!siteWords || last.length < 3 || siteWords.all.has(last)) return DEBOUNCE_MS;
  return siteWords.list.some((word) => word.startsWith(last)) ? UNFINISHED_MS : DEBOUNCE_MS;
}

/** A correction of the words no page holds that finds more pages with every word, if the word list has one. */
async function findCorrection(
  pagefind: Pagefind,
  state: SearchState,
  outcome: Outcome,
  facets: Facets,
  all: FilterCounts,
): Promise<{ query: string; outcome: Outcome } | undefined> {
  if (outcome.missing.length === 0) return undefined;
  const query = suggestQuery(state.query, await loadWords(), outcome.missing);
  if (!query) return undefined;
  const tried = await runSearch(pagefind, { ...state, query }, facets, synonyms, current, all, held());
  // Better if it finds more pages with every word, or as many with fewer words that nothing matches.
  const better =
    tried.allWords > outcome.allWords ||
    (tried.allWords === outcome.allWords && tried.missing.length < outcome.missing.length && tried.hits.length > 0);
  return better ? { query, outcome: tried } : undefined;
}

/** Wires the form to Pagefind: searches as the reader types, ticks or sorts, and when Back or Forward is used. */
function start(pagefind: Pagefind, all: FilterCounts): void {
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warmer: ReturnType<typeof setTimeout> | undefined;
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
    let outcome = await runSearch(pagefind, state, await facets, synonyms, current, all, held());
    // Words no page holds, in any form: the search corrects them itself and says so (with a link to search for
    // what was typed), when the correction finds pages with every word. Results for the other words alone hide
    // what the reader meant (`vulnerabilties identified in custody`).
    const fix =
      state.query === exactQuery ? undefined : await findCorrection(pagefind, state, outcome, await facets, all);
    const typed = state.query;
    let query = state.query;
    if (fix) {
      outcome = fix.outcome;
      query = fix.query;
    }
    const firstHits = outcome.hits.slice(0, PAGE_SIZE);
    const firstLoaded = await Promise.all(firstHits.map(loadHit));
    if (id !== latest) return;
    const reordered =
      state.sort === 'date' ? firstHits.map((_, i) => i) : rerank(outcome.parsed, firstHits, firstLoaded);
    const loaded = reordered.map((i) => firstLoaded[i]);
    outcome.hits.splice(0, firstHits.length, ...reordered.map((i) => firstHits[i]));
    outcome.allWords = outcome.hits.filter((hit) => hit.all).length;
    // A clause or section the query names comes first, when it is among the first results.
    const named = referenceFirst(outcome.parsed, loaded);
    if (named > 0) {
      loaded.unshift(...loaded.splice(named, 1));
      outcome.hits.unshift(...outcome.hits.splice(named, 1));
    }

    updateCounts(filters, outcome.counts);
    status.textContent = statusText(state, outcome, query);
    results.dataset.allWords = String(outcome.allWords);
    const lead: HTMLElement[] = [];
    if (query !== typed) lead.push(corrected(query, typed, searchHref(state, typed, { exact: '1' })));
    if (outcome.alsoSearched.length > 0) lead.push(alsoSearched(outcome.alsoSearched));
    if (outcome.olderHidden > 0)
      lead.push(olderHiddenLine(outcome.olderHidden, searchHref({ ...state, allVersions: true }, typed)));
    if (outcome.hits.length === 0) {
      results.replaceChildren(...lead, noResults(hasFilters(state)));
      return;
    }
    results.replaceChildren(...lead);
    let list: HTMLElement | undefined;
    // A glossary term that is what was typed comes first, as its own result.
    const showsProgramme = state.filters.type.length === 0 || state.filters.type.includes('Programme');
    const term =
      state.sort === 'relevance' && showsProgramme && glossaryUrl ? glossaryMatch(outcome.parsed, glossary) : undefined;
    if (term) {
      list = h('ol', { class: 'nhsuk-list app-search-results' }, termItem(term, glossaryUrl));
      results.append(list);
    }
    let some = false;
    /** Adds results to the list; a line says where results with only some of the words start. */
    const append = (hits: Hit[], data: Awaited<ReturnType<typeof loadHit>>[]) =>
      data.flatMap((d, i) => {
        if (!hits[i].all && !some && outcome.parsed.units.length > 1) {
          some = true;
          results.append(someWordsLine(outcome.missing, outcome.allWords === 0));
          list = undefined;
        }
        if (!list) {
          list = h('ol', { class: 'nhsuk-list app-search-results' });
          results.append(list);
        }
        const items = resultItems(d.data, namedPartFirst(outcome.parsed, d.parts), query, term && `term-${term.id}`);
        list.append(...items);
        return items;
      });
    append(outcome.hits, loaded);
    let shown = loaded.length;
    if (shown < outcome.hits.length) {
      const more = h('button', { class: 'nhsuk-button nhsuk-button--secondary', type: 'button' });
      const label = () => (more.textContent = `Show ${Math.min(PAGE_SIZE, outcome.hits.length - shown)} more`);
      label();
      const showMore = async () => {
        const hits = outcome.hits.slice(shown, shown + PAGE_SIZE);
        const next = await Promise.all(hits.map(loadHit));
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

  /** What `run` will do first, done ahead: the search (Pagefind remembers it) and the first results' fragments. */
  async function prepare(): Promise<void> {
    const state = readForm();
    if (!state.query) return;
    facets ??= loadFacets(pagefind, all);
    const outcome = await runSearch(pagefind, state, await facets, synonyms, current, all, held());
    // A word nothing matches may be corrected: the corrected search's results are shown, not these.
    if (outcome.missing.length > 0) return;
    await Promise.all(outcome.hits.slice(0, PAGE_SIZE).map((hit) => hit.matches[0].data()));
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    // A word of one or two letters is the start of many: preloading it would fetch several chunks.
    const whole = input.value.endsWith(' ') ? query : query.replace(/(^|\s)\S{1,2}$/, '').trim();
    if (whole) void pagefind.preload(whole);
    // The reader is typing: work out the filter values meanwhile (from what Pagefind has loaded already), fetch
    // the word list, and search for each word already typed in full (not the one being typed), so that after
    // the pause only the last word is left to search. Pagefind remembers these searches (withRememberedSearches).
    facets ??= loadFacets(pagefind, all);
    void loadWords().then((list) => (siteWords ??= { all: new Set(list), list }));
    const typed = parseQuery(input.value.endsWith(' ') ? query : query.replace(/\S+$/, ''), synonyms).units;
    for (const unit of typed) void searchUnit(pagefind, unit, held()).catch(() => undefined);
    // Once keys stop for a moment: if the last word is a whole word, search and fetch the first results'
    // fragments now, so the pause is spent on the work; otherwise search for the word being typed (its chunk is
    // preloaded, so this fetches nothing).
    clearTimeout(warmer);
    warmer = setTimeout(() => {
      if (pauseAfter(input.value) === DEBOUNCE_MS) void prepare().catch(() => undefined);
      else
        for (const unit of parseQuery(query, synonyms).units)
          void searchUnit(pagefind, unit, held()).catch(() => undefined);
    }, WARM_MS);
    timer = setTimeout(() => {
      updateUrl(readForm(), 'replace');
      runSafely();
    }, pauseAfter(input.value));
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
    const pagefind = withRememberedSearches(await loadPagefind());
    const all = await pagefind.filters();
    filters.replaceChildren(...filterFieldsets(all, state, current));
    start(pagefind, all);
  } catch (error) {
    showUnavailable(error);
  }
}

void main();
