import { describe, expect, it } from 'vitest';
import { hasFilters, pagefindFilters, paramsFromState, stateFromParams, supersededVersions } from './search-state.ts';

describe('search state in the URL', () => {
  it('reads the names the search form submits', () => {
    expect(stateFromParams(new URLSearchParams('q=+screening+&type=Specification&version=2019&version=2019'))).toEqual({
      query: 'screening',
      filters: { type: ['Specification'], year: [], version: ['2019'] },
      sort: 'relevance',
    });
  });

  it('treats anything but sort=date as best match first', () => {
    expect(stateFromParams(new URLSearchParams('sort=oldest')).sort).toBe('relevance');
    expect(stateFromParams(new URLSearchParams('sort=date')).sort).toBe('date');
  });

  it('round-trips, leaving out what is empty or default', () => {
    const params = new URLSearchParams('q=5.2&type=Bulletin&type=Programme&year=2015&sort=date');
    expect(paramsFromState(stateFromParams(params)).toString()).toBe(params.toString());
    expect(paramsFromState(stateFromParams(new URLSearchParams('q=&sort=relevance'))).toString()).toBe('');
  });
});

describe('pagefindFilters', () => {
  const filters = { type: ['Bulletin', 'Programme'], year: ['2015'], version: [] };

  it('matches any ticked value within a filter and every filter with one', () => {
    expect(pagefindFilters(filters)).toEqual({ type: { any: ['Bulletin', 'Programme'] }, year: { any: ['2015'] } });
  });

  it('can leave one filter out, to count its other values', () => {
    expect(pagefindFilters(filters, 'type')).toEqual({ year: { any: ['2015'] } });
  });

  it('knows whether any filter is ticked', () => {
    expect(hasFilters({ query: '', filters, sort: 'relevance' })).toBe(true);
    expect(hasFilters({ query: 'x', filters: { type: [], year: [], version: [] }, sort: 'relevance' })).toBe(false);
  });
});

describe('specification versions in search', () => {
  const none = { type: [], year: [], version: [] };

  it('leaves superseded versions out unless a version is ticked', () => {
    expect(pagefindFilters(none, undefined, ['2014'])).toEqual({ version: { none: ['2014'] } });
    expect(pagefindFilters({ ...none, version: ['2014'] }, undefined, ['2014'])).toEqual({
      version: { any: ['2014'] },
    });
  });

  it('counts every version when working out the version filter', () => {
    expect(pagefindFilters(none, 'version', ['2014'])).toEqual({});
  });

  it('treats every version but the newest as superseded', () => {
    expect(supersededVersions({ '2014': 9, '2019': 14 })).toEqual(['2014']);
    expect(supersededVersions({ '2019': 14 })).toEqual([]);
    expect(supersededVersions(undefined)).toEqual([]);
  });
});
