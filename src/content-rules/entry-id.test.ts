import { describe, expect, it } from 'vitest';
import { entryId } from './entry-id.ts';

describe('entryId', () => {
  it('makes ids as Astro’s glob loader does', () => {
    expect(entryId('2015-05.md')).toBe('2015-05');
    expect(entryId('2015-05.mdx')).toBe('2015-05');
    expect(entryId('2019/05-The Persons Journey.md')).toBe('2019/05-the-persons-journey');
  });
});
