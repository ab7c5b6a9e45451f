/** Builds the search page's results and filters as NHS.UK markup, from text only (never `innerHTML`). */
import { excerptParts } from './excerpt.ts';
import { highlightUrl } from './text-fragment.ts';
import type { FilterCounts, PagefindResultData } from './pagefind-api.ts';
import type { MatchedPart } from './search-fragments.ts';
import type { GlossaryTerm } from './search-query.ts';
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

/**
 * What a clause result says it is part of: "Service specification 2019, section 5: The person's journey".
 * @example clauseLabel('Service specification 2014 (superseded)', "5. The person's journey")
 * // => "Service specification 2014 (superseded), section 5: The person's journey"
 */
export function clauseLabel(label: string, sectionTitle: string): string {
  const numbered = /^(\d+)\.\s+(.*)$/.exec(sectionTitle);
  return numbered ? `${label}, section ${numbered[1]}: ${numbered[2]}` : `${label}, ${sectionTitle}`;
}

/** Where a part of a page links: its heading's anchor, or the page; other than clauses, with the words highlighted. */
function partUrl(data: PagefindResultData, part: MatchedPart): string {
  const url = part.id ? `${data.url.split('#')[0]}#${part.id}` : data.url;
  // A clause opens at its heading, marked by `:target` (a text fragment would centre the matched words instead).
  if (data.filters.type?.includes('Specification') && part.id) return url;
  return highlightUrl(url, part.excerpt, part.id ? part.title : (data.meta.title ?? ''));
}

/** Other matching parts of the same page, as links under the result (no excerpt: one excerpt per result). */
function alsoIn(data: PagefindResultData, parts: MatchedPart[], title: string): HTMLElement | false {
  const titles = new Set<string>();
  const others = parts
    .filter((part) => part.id && part.element !== 'dt' && !titles.has(part.title) && titles.add(part.title))
    .slice(0, 3);
  return (
    others.length > 0 &&
    h(
      'ul',
      { class: 'nhsuk-list app-search-results__sections', 'aria-label': `Also matching in ${title}` },
      ...others.map((part) =>
        h('li', { class: 'app-search-results__section' }, h('a', { href: partUrl(data, part) }, part.title)),
      ),
    )
  );
}

/**
 * One page found, as one result or (for a glossary) one result per matching term. A specification page whose
 * best part is a clause shows as that clause, naming its section and version; other matching parts follow as links.
 * Each item carries `data-result-kind` (`clause`, `section`, `term`, `page`) and, for the specification, its
 * version and whether it is superseded, for anything that must mark results from the specification.
 */
export function resultItems(
  data: PagefindResultData,
  parts: MatchedPart[],
  query: string,
  shownTerm?: string,
): HTMLElement[] {
  const pageTitle = data.meta.title ?? data.url;
  const specification = data.filters.type?.includes('Specification') ?? false;
  const version = data.filters.version?.[0];
  const hooks = (kind: string): Record<string, string> => ({
    class: 'app-search-results__item',
    'data-result-kind': kind,
    ...(specification && version
      ? { 'data-specification-version': version, 'data-superseded': String(/superseded/.test(data.meta.label ?? '')) }
      : {}),
  });
  // Whether the specification text is official or a summary (issue 25), on every result from it.
  const standing = specification ? data.meta.standing : undefined;
  const item = (kind: string, title: string, href: string, label: string, text: Child, more: Child) =>
    h(
      'li',
      hooks(kind),
      h('h2', { class: 'nhsuk-heading-s nhsuk-u-margin-bottom-1' }, h('a', { href }, title)),
      h('p', { class: 'nhsuk-body-s app-meta nhsuk-u-margin-bottom-1' }, label),
      standing ? h('p', { class: 'nhsuk-body-s nhsuk-u-margin-bottom-1', 'data-standing': '' }, standing) : false,
      text,
      more,
    );
  if (!query || parts.length === 0)
    return [
      item(
        'page',
        pageTitle,
        data.url,
        labelLine(data),
        h('p', { class: 'nhsuk-body-s' }, data.meta.summary ?? ''),
        false,
      ),
    ];
  const terms = parts.filter((part) => part.element === 'dt' && part.id !== shownTerm);
  if (terms.length === 0 && parts.some((part) => part.element === 'dt')) return [];
  // The terms holding the most of the words, at most three, each its own result.
  if (terms.length > 0)
    return terms
      .filter((term) => term.words === terms[0].words)
      .slice(0, 3)
      .map((term) =>
        item('term', term.title, partUrl(data, term), `Glossary term`, excerpt(term.excerpt, 'nhsuk-body-s'), false),
      );
  const [best, ...rest] = parts;
  const text = excerpt(best.excerpt, 'nhsuk-body-s nhsuk-u-margin-bottom-2');
  if (specification && data.meta.kind !== 'changes' && best.id && /^\d/.test(best.title))
    return [
      item(
        'clause',
        best.title,
        partUrl(data, best),
        clauseLabel(labelLine(data), pageTitle),
        text,
        alsoIn(data, rest, pageTitle),
      ),
    ];
  const link = best.id ? highlightUrl(data.url, best.excerpt, best.title) : partUrl(data, best);
  return [
    item(
      specification ? 'section' : 'page',
      pageTitle,
      link,
      labelLine(data),
      text,
      alsoIn(data, best.id ? parts : rest, pageTitle),
    ),
  ];
}

/**
 * A glossary term that is what the reader typed, as the first result: the term and its definition, linking to
 * the term on the glossary page (`glossaryUrl`; each term's id is `term-` and its id, GlossaryList.astro).
 */
export function termItem(term: GlossaryTerm, glossaryUrl: string): HTMLElement {
  return h(
    'li',
    { class: 'app-search-results__item', 'data-result-kind': 'term' },
    h(
      'h2',
      { class: 'nhsuk-heading-s nhsuk-u-margin-bottom-1' },
      h('a', { href: `${glossaryUrl}#term-${term.id}` }, term.term),
    ),
    h('p', { class: 'nhsuk-body-s app-meta nhsuk-u-margin-bottom-1' }, 'Glossary term'),
    h('p', { class: 'nhsuk-body-s' }, term.definition),
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

/** "Showing results for *screening*. Search instead for *screning*": the search corrected a misspelling itself. */
export function corrected(query: string, typed: string, typedHref: string): HTMLElement {
  return h(
    'p',
    { class: 'nhsuk-body app-search-corrected' },
    'Showing results for ',
    h('em', {}, query),
    '. ',
    h('a', { href: typedHref }, 'Search instead for ', h('em', {}, typed)),
  );
}

/** The line above results that hold only some of the words, saying which words nothing on the site holds. */
export function someWordsLine(missing: string[], noneWithAll: boolean): HTMLElement {
  return h(
    'p',
    { class: 'nhsuk-body app-search-fewer' },
    ...(missing.length > 0 ? ['Nothing on this site matches ', ...emphasisedList(missing), '. '] : []),
    noneWithAll
      ? 'No page contains all of your words. These results contain some of them:'
      : 'These results contain some of your words:',
  );
}

/** "2 results from older versions of the specification are hidden", with a link showing every version. */
export function olderHiddenLine(count: number, href: string): HTMLElement {
  return h(
    'p',
    { class: 'nhsuk-body-s app-search-older' },
    `${count} ${count === 1 ? 'result' : 'results'} from older versions of the specification ${count === 1 ? 'is' : 'are'} hidden. `,
    h('a', { href }, 'Show results from every version'),
  );
}

/** Where the index of every clause is (src/pages/specification/clauses.astro). */
export const CLAUSE_INDEX_URL = '/specification/clauses/';

/** What to say and offer when nothing matched. */
export function noResults(filtered: boolean): HTMLElement {
  return h(
    'div',
    { class: 'app-search-none' },
    h('p', {}, 'Nothing on this site matches your search.'),
    h(
      'p',
      {},
      'The ',
      h('a', { href: CLAUSE_INDEX_URL }, 'index of clauses'),
      ' lists every clause of the service specification, by section and A to Z.',
    ),
    h('p', {}, 'You could also try:'),
    h(
      'ul',
      {},
      h('li', {}, 'checking the spelling of your words'),
      h('li', {}, 'other words for the same thing'),
      h('li', {}, 'searching for a clause by its number, such as 5.2'),
      filtered && h('li', {}, 'unticking some of the filters'),
    ),
    h(
      'p',
      {},
      'Or browse ',
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
