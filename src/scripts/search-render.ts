/** Builds the search page's results and filters as NHS.UK markup, from text only (never `innerHTML`). */
import { excerptParts } from './excerpt.ts';
import { highlightUrl } from './text-fragment.ts';
import type { FilterCounts, PagefindResultData, PagefindSubResult } from './pagefind-api.ts';
import { FILTER_NAMES, versionTicked, type FilterName, type SearchState } from './search-state.ts';

type Child = Node | string | false | undefined;

/** A small `createElement` with attributes and children. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** An excerpt with its matched words in `<mark>`. */
function excerpt(text: string, className: string): HTMLElement {
  const paragraph = h('p', { class: className });
  for (const part of excerptParts(text)) paragraph.append(part.marked ? h('mark', {}, part.text) : part.text);
  return paragraph;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Bulletin, published 27 May 2015" or "Service specification 2019". */
function labelLine(data: PagefindResultData): string {
  const label = data.meta.label ?? data.filters.type?.[0] ?? '';
  const date = data.meta.date ? new Date(data.meta.date) : undefined;
  return date && !Number.isNaN(date.getTime()) ? `${label}, published ${dateFormat.format(date)}` : label;
}

/** Sub-results that start at a heading, at most three: those with the most weight, in page order. */
function sectionsOf(data: PagefindResultData): PagefindSubResult[] {
  const score = (sub: PagefindSubResult) => sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
  const anchored = data.sub_results.filter((sub) => sub.anchor && sub.title !== data.meta.title);
  const best = new Set([...anchored].sort((a, b) => score(b) - score(a)).slice(0, 3));
  return anchored.filter((sub) => best.has(sub));
}

/**
 * Where a matching section links: a clause of the specification by its anchor alone, so the browser puts its
 * heading at the top of the window, marked by `:target` (a text fragment would centre the matched words
 * instead); other headings with the matched words highlighted by a text fragment.
 */
function sectionUrl(data: PagefindResultData, sub: PagefindSubResult): string {
  if (data.filters.type?.includes('Specification') && sub.anchor) return sub.url;
  return highlightUrl(sub.url, sub.excerpt, sub.title);
}

/** One page in the results, with its matching sections under it. */
export function resultItem(data: PagefindResultData, query: string): HTMLElement {
  const title = data.meta.title ?? data.url;
  const sections = query ? sectionsOf(data) : [];
  return h(
    'li',
    { class: 'app-search-results__item' },
    h(
      'h2',
      { class: 'nhsuk-heading-s nhsuk-u-margin-bottom-1' },
      h('a', { href: query ? highlightUrl(data.url, data.excerpt, title) : data.url }, title),
    ),
    h('p', { class: 'nhsuk-body-s app-meta nhsuk-u-margin-bottom-1' }, labelLine(data)),
    // Where matching sections follow, the page's summary says what it is and the sections show the matches.
    query && sections.length === 0
      ? excerpt(data.excerpt, 'nhsuk-body-s nhsuk-u-margin-bottom-2')
      : h('p', { class: 'nhsuk-body-s nhsuk-u-margin-bottom-2' }, data.meta.summary ?? ''),
    sections.length > 0 &&
      h(
        'ul',
        { class: 'nhsuk-list app-search-results__sections', 'aria-label': `Matching sections of ${title}` },
        ...sections.map((sub) =>
          h(
            'li',
            { class: 'app-search-results__section' },
            h('a', { href: sectionUrl(data, sub) }, sub.title),
            excerpt(sub.excerpt, 'nhsuk-body-s nhsuk-u-margin-bottom-0'),
          ),
        ),
      ),
  );
}

/** Words in a sentence, each in `<em>`: "*a*, *b* and *c*". */
function emphasisedList(items: string[]): Child[] {
  return items.flatMap((item, i) => [i === 0 ? '' : i === items.length - 1 ? ' and ' : ', ', h('em', {}, item)]);
}

/** "Also searched for: *24 hours a day*." */
export function alsoSearched(words: string[]): HTMLElement {
  return h('p', { class: 'nhsuk-body-s app-search-also' }, 'Also searched for: ', ...emphasisedList(words), '.');
}

/** "Did you mean *screening*?", a link that runs that search. */
export function suggestion(query: string, href: string): HTMLElement {
  return h(
    'p',
    { class: 'nhsuk-body app-search-suggestion' },
    'Did you mean ',
    h('a', { href }, h('em', {}, query)),
    '?',
  );
}

/** The line above results that hold only some of the words. */
export function fewerWordsLine(sets: string[], noneWithAll: boolean): HTMLElement {
  const shown = sets.slice(0, 3);
  const more = sets.length > shown.length ? [', and other sets of your words'] : [];
  return h(
    'p',
    { class: 'nhsuk-body app-search-fewer' },
    noneWithAll ? 'No results contain all of your words. ' : 'Fewer results contain all of your words. ',
    'Results for ',
    ...emphasisedList(shown.map(String)),
    ...more,
    ':',
  );
}

/** What to say and offer when nothing matched. */
export function noResults(filtered: boolean): HTMLElement {
  return h(
    'div',
    { class: 'app-search-none' },
    h('p', {}, 'Improve your results by:'),
    h(
      'ul',
      {},
      h('li', {}, 'checking the spelling of your words'),
      h('li', {}, 'using fewer or more general words'),
      h('li', {}, 'searching for a clause by its number, such as 5.2'),
      filtered && h('li', {}, 'unticking some of the filters'),
    ),
    h(
      'p',
      {},
      'You can also browse ',
      h('a', { href: '/specification/' }, 'the service specification contents'),
      ', ',
      h('a', { href: '/bulletins/' }, 'the bulletin archive'),
      ' or ',
      h('a', { href: '/programme/' }, 'the programme pages'),
      '.',
    ),
  );
}

/** How each filter is named on the page, and how its values read. */
const FILTER_TEXT: Record<FilterName, { legend: string; value: (v: string) => string }> = {
  type: {
    legend: 'Type',
    value: (v) =>
      ({ Bulletin: 'Bulletins', Programme: 'Programme pages', Specification: 'Service specification' })[v] ?? v,
  },
  year: { legend: 'Bulletin year', value: (v) => v },
  version: { legend: 'Specification version', value: (v) => v },
};

/** Newest first for years and versions; types in a fixed order. */
function sortedValues(name: FilterName, values: string[]): string[] {
  return name === 'type' ? [...values].sort() : [...values].sort((a, b) => b.localeCompare(a));
}

/** NHS.UK small checkboxes for every filter value in the index, each with a count the page keeps up to date. */
export function filterFieldsets(all: FilterCounts, state: SearchState, current: string): HTMLElement[] {
  return FILTER_NAMES.filter((name) => Object.keys(all[name] ?? {}).length > 0).map((name) =>
    h(
      'div',
      { class: 'nhsuk-form-group' },
      h(
        'fieldset',
        { class: 'nhsuk-fieldset' },
        h('legend', { class: 'nhsuk-fieldset__legend nhsuk-fieldset__legend--s' }, FILTER_TEXT[name].legend),
        h(
          'div',
          { class: 'nhsuk-checkboxes nhsuk-checkboxes--small' },
          ...sortedValues(name, Object.keys(all[name])).map((value, i) => {
            const id = `filter-${name}-${i + 1}`;
            const input = h('input', { class: 'nhsuk-checkboxes__input', id, name, type: 'checkbox', value });
            (input as HTMLInputElement).checked =
              name === 'version' ? versionTicked(state, value, current) : state.filters[name].includes(value);
            return h(
              'div',
              { class: 'nhsuk-checkboxes__item' },
              input,
              h(
                'label',
                { class: 'nhsuk-label nhsuk-checkboxes__label', for: id },
                FILTER_TEXT[name].value(value),
                ' ',
                h('span', { class: 'app-search-count', 'data-filter': name, 'data-value': value }),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

/** Writes "(3)" after each filter value. */
export function updateCounts(container: HTMLElement, counts: FilterCounts): void {
  for (const span of container.querySelectorAll<HTMLElement>('.app-search-count')) {
    const count = counts[span.dataset.filter ?? '']?.[span.dataset.value ?? ''] ?? 0;
    span.textContent = `(${count})`;
  }
}
