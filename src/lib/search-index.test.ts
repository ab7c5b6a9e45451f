import { describe, expect, it } from 'vitest';
import { clauseSearchWeight, searchAttributes, titleAttributes } from './search-index.ts';

describe('searchAttributes', () => {
  it('marks a bulletin as indexed, with its type and year as filters and its date as metadata and sort key', () => {
    expect(searchAttributes({ type: 'Bulletin', date: new Date('2015-05-27') })).toEqual({
      'data-pagefind-body': '',
      'data-search-type': 'Bulletin',
      'data-search-label': 'Bulletin',
      'data-search-sort': '2015-05-27',
      'data-search-year': '2015',
      'data-search-date': '2015-05-27',
      'data-search-kind': 'bulletin',
      'data-pagefind-sort': 'date[data-search-sort]',
      'data-pagefind-filter': 'type[data-search-type], year[data-search-year]',
      'data-pagefind-meta': 'label[data-search-label], kind[data-search-kind], date[data-search-date]',
    });
  });

  it('filters a specification section by version and says when it is superseded', () => {
    const attributes = searchAttributes({
      type: 'Specification',
      version: '2014',
      current: false,
      standing: 'Summary of the 2014 version, not the official text',
    });
    expect(attributes['data-pagefind-filter']).toBe('type[data-search-type], version[data-search-version]');
    expect(attributes['data-search-version']).toBe('2014');
    expect(attributes['data-search-label']).toBe('Service specification 2014 (superseded)');
    expect(attributes['data-search-sort']).toBe('2014');
    expect(attributes).not.toHaveProperty('data-search-date');
  });

  it('gives every specification result what the text is, as metadata the results can show', () => {
    const attributes = searchAttributes({ type: 'Specification', version: '2019', current: true, standing: 'Summary' });
    expect(attributes['data-pagefind-meta']).toBe(
      'label[data-search-label], kind[data-search-kind], standing[data-search-standing]',
    );
    expect(attributes['data-search-standing']).toBe('Summary');
  });

  it('sorts a programme page by its review date, which it does not show as a publication date', () => {
    const attributes = searchAttributes({ type: 'Programme', lastReviewed: new Date('2026-01-15') });
    expect(attributes['data-search-label']).toBe('Programme page');
    expect(attributes['data-search-sort']).toBe('2026-01-15');
    expect(attributes['data-pagefind-meta']).toBe('label[data-search-label], kind[data-search-kind]');
  });

  it('indexes a comparison of versions with its version’s sections, as a comparison', () => {
    const attributes = searchAttributes({ type: 'Changes', version: '2019', previous: '2014' });
    expect(attributes['data-search-type']).toBe('Specification');
    expect(attributes['data-search-version']).toBe('2019');
    expect(attributes['data-search-kind']).toBe('changes');
    expect(attributes['data-search-label']).toBe('What changed from the 2014 version to the 2019 version');
  });
});

describe('search weights', () => {
  it('ranks titles and clause headings above body text (1), superseded specification sections lower', () => {
    expect(titleAttributes({ type: 'Bulletin', date: new Date('2015-05-27') })).toEqual({
      'data-pagefind-meta': 'title',
      'data-pagefind-weight': '10',
    });
    expect(
      titleAttributes({ type: 'Specification', version: '2019', current: true, standing: '' })['data-pagefind-weight'],
    ).toBe('10');
    expect(
      titleAttributes({ type: 'Specification', version: '2014', current: false, standing: '' })['data-pagefind-weight'],
    ).toBe('6');
    expect(clauseSearchWeight(true)).toBe('8');
    expect(clauseSearchWeight(false)).toBe('4');
  });
});
