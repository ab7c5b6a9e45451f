import { describe, expect, it } from 'vitest';
import { entryId, staticRoutes } from './site-urls.ts';

describe('site URLs', () => {
  it('makes ids as Astro’s glob loader does', () => {
    expect(entryId('2015-05.md')).toBe('2015-05');
    expect(entryId('2015-05.mdx')).toBe('2015-05');
    expect(entryId('2019/05-The Persons Journey.md')).toBe('2019/05-the-persons-journey');
  });

  it('lists the routes of page files that take no parameters', () => {
    expect(
      staticRoutes([
        'index.astro',
        'bulletins/index.astro',
        'bulletins/[id].astro',
        'search.astro',
        'feed.xml.ts',
        '404.astro',
        '_partial.astro',
        'x.test.ts',
      ]),
    ).toEqual(['/', '/bulletins/', '/search/', '/feed.xml', '/404.html']);
  });
});
