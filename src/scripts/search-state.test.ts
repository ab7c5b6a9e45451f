import { describe, expect, it } from 'vitest';
import { hasFilters, paramsFromState, stateFromParams, versionsFromBoxes, versionTicked } from './search-state.ts';

describe('search state in the URL', () => {
  it('reads the names the search form submits', () => {
    expect(stateFromParams(new URLSearchParams('q=+screening+&type=Specification&version=2014&version=2014'))).toEqual({
      query: 'screening',
      filters: { type: ['Specification'], year: [], version: ['2014'] },
      allVersions: false,
      sort: 'relevance',
    });
  });

  it('treats anything but sort=date as best match first', () => {
    expect(stateFromParams(new URLSearchParams('sort=oldest')).sort).toBe('relevance');
    expect(stateFromParams(new URLSearchParams('sort=date')).sort).toBe('date');
  });

  it('round-trips, leaving out what is empty or default', () => {
    for (const query of ['q=5.2&type=Bulletin&type=Programme&year=2015&sort=date', 'q=5.2&version=all']) {
      expect(paramsFromState(stateFromParams(new URLSearchParams(query))).toString()).toBe(query);
    }
    expect(paramsFromState(stateFromParams(new URLSearchParams('q=&sort=relevance'))).toString()).toBe('');
  });
});

describe('specification versions', () => {
  const none = {
    query: 'x',
    filters: { type: [], year: [], version: [] },
    allVersions: false,
    sort: 'relevance' as const,
  };

  it('shows the current version ticked by default, and what the reader ticked otherwise', () => {
    expect(versionTicked(none, '2019', '2019')).toBe(true);
    expect(versionTicked(none, '2014', '2019')).toBe(false);
    expect(versionTicked({ ...none, allVersions: true }, '2019', '2019')).toBe(false);
    expect(versionTicked({ ...none, filters: { ...none.filters, version: ['2014'] } }, '2019', '2019')).toBe(false);
  });

  it('reads the boxes: the current alone is the default, none is every version', () => {
    expect(versionsFromBoxes(['2019'], '2019')).toEqual({ version: [], allVersions: false });
    expect(versionsFromBoxes([], '2019')).toEqual({ version: [], allVersions: true });
    expect(versionsFromBoxes(['2019', '2014'], '2019')).toEqual({ version: ['2019', '2014'], allVersions: false });
  });

  it('knows whether the reader narrowed the search', () => {
    expect(hasFilters(none)).toBe(false);
    expect(hasFilters({ ...none, allVersions: true })).toBe(true);
    expect(hasFilters({ ...none, filters: { ...none.filters, type: ['Bulletin'] } })).toBe(true);
  });
});
