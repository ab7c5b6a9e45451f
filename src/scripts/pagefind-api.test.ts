import { describe, expect, it } from 'vitest';
import { withRememberedSearches, type Pagefind, type PagefindSearch } from './pagefind-api.ts';

describe('Pagefind with remembered searches', () => {
  it('asks Pagefind once for each term and options, and again after a search failed', async () => {
    const asked: string[] = [];
    let fail = true;
    const answer: PagefindSearch = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
    const pagefind = withRememberedSearches({
      search: (term: string | null) => {
        asked.push(String(term));
        if (term === 'broken' && fail) {
          fail = false;
          return Promise.reject(new Error('offline'));
        }
        return Promise.resolve(answer);
      },
    } as unknown as Pagefind);
    await pagefind.search('screening');
    await pagefind.search('screening');
    await pagefind.search('screening', { filters: { type: { any: ['Bulletin'] } } });
    await expect(pagefind.search('broken')).rejects.toThrow('offline');
    await pagefind.search('broken');
    expect(asked).toEqual(['screening', 'screening', 'broken', 'broken']);
  });
});
