import { describe, expect, it } from 'vitest';
import { sourceSchema } from '../schemas/strict.ts';
import { sourcePublication } from './source-citation.ts';

describe('sourcePublication', () => {
  it('gives the publisher and the date, or whichever is known', () => {
    const published = new Date('2019-11-20');
    expect(sourcePublication({ publisher: 'NHS England', published })).toBe('NHS England, 20 November 2019');
    expect(sourcePublication({ publisher: 'NHS England' })).toBe('NHS England');
    expect(sourcePublication({})).toBe('');
  });
});

describe('sourceSchema', () => {
  it('refuses a link to a copy on a file-sharing site, and says how to cite it instead', () => {
    const result = sourceSchema.safeParse({
      title: 'A synthetic document',
      url: 'https://www.dokumen.tips/documents/x.html',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^This links to a copy on dokumen\.tips, a file-sharing site/);
    expect(result.error?.issues[0].message).toContain('give `publisher` and `published`');
  });

  it('accepts a document cited without a link, and a publisher’s own page', () => {
    expect(
      sourceSchema.safeParse({
        title: 'A synthetic document',
        publisher: 'NHS England',
        published: new Date('2019-11-20'),
      }).success,
    ).toBe(true);
    expect(sourceSchema.safeParse({ title: 'A synthetic page', url: 'https://www.england.nhs.uk/x/' }).success).toBe(
      true,
    );
  });
});
