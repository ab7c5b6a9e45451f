import { describe, expect, it } from 'vitest';
import { bulletinSchema } from './bulletin.ts';
import { programmeSchema } from './programme.ts';
import { specificationSchema } from './specification.ts';
import { suggestField, webAddress } from './strict.ts';

const bulletin = {
  title: 'Liaison and Diversion Bulletin: May 2015',
  date: new Date('2015-05-27'),
  summary: 'A review of the first year.',
};

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('strict schemas', () => {
  it('suggests the field an editor meant', () => {
    expect(suggestField('titel', ['title', 'date', 'summary'])).toBe('title');
    expect(suggestField('sumary', ['title', 'date', 'summary'])).toBe('summary');
    expect(suggestField('colour', ['title', 'date', 'summary'])).toBeUndefined();
  });

  it('rejects an unknown field and names the field meant', () => {
    const result = bulletinSchema.safeParse({ ...bulletin, titel: 'x' });
    expect(messages(result)).toEqual([': `titel` is not a field of a bulletin; did you mean `title`?']);
  });

  it('lists the fields when nothing is close', () => {
    const all = messages(specificationSchema.safeParse({ zzz: 1 })).join('\n');
    expect(all).toContain('`zzz` is not a field of a specification section; the fields are `section`, `title`');
  });

  it('explains a date written the wrong way', () => {
    expect(messages(bulletinSchema.safeParse({ ...bulletin, date: '27th May' }))).toEqual([
      'date: Expected a date like 2015-05-27 (year-month-day, no quotes).',
    ]);
  });

  it('keeps summaries short enough for lists, feeds and search', () => {
    const [message] = messages(bulletinSchema.safeParse({ ...bulletin, summary: 'x'.repeat(301) }));
    expect(message).toMatch(/^summary: Keep the summary to 300 characters or fewer/);
  });

  it('needs the date a historical programme page describes', () => {
    const page = {
      title: 'Youth pathfinders',
      summary: 'As they were in 2012.',
      order: 1,
      lastReviewed: new Date('2026-11-22'),
      reviewBy: new Date('2027-11-22'),
      owner: 'Programme team',
      status: 'historical',
    };
    expect(messages(programmeSchema.safeParse(page))).toEqual([
      'describes: A historical page needs `describes`: the date it describes, such as 2012-04-01.',
    ]);
    expect(programmeSchema.safeParse({ ...page, describes: new Date('2012-04-01') }).success).toBe(true);
  });

  it('names specification versions by their year', () => {
    const section = { section: 1, title: 'About', summary: 'About it.', version: '2019' };
    expect(specificationSchema.safeParse(section).success).toBe(true);
    expect(messages(specificationSchema.safeParse({ ...section, version: 2019 }))).toEqual([
      'version: Expected a version named by its year in quotes, such as "2019".',
    ]);
  });
});

describe('webAddress refuses what a browser would read otherwise (issue 23)', () => {
  const field = webAddress('Where to act.');
  it.each([
    ['HTML pasted with it', 'https://survey.example/"><script>alert(1)</script>', /double quote, a < or >/],
    ['a space', 'https://survey.example/a b', /has a space/],
    ['a backslash', 'https://survey.example\\@evil.example/', /backslash/],
    ['a name before the host', 'https://www.nhs.uk@evil.example/', /name and @ before the site/],
    ['this computer', 'http://127.1:4321/get-updates/', /on the computer it was copied from/],
  ])('%s', (_name, url, says) => {
    const result = field.safeParse(url);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' ')).toMatch(says);
  });
  it('accepts a plain web address', () => {
    expect(field.safeParse("https://www.england.nhs.uk/ld/o'brien?a=1#x").success).toBe(true);
  });
});
