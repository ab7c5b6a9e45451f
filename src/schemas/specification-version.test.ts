import { describe, expect, it } from 'vitest';
import { specificationVersionSchema } from './specification-version.ts';

const version = {
  id: '2019',
  title: 'Liaison and Diversion Standard Service Specification 2019',
  published: new Date('2019-11-20'),
  status: 'current',
};
const messages = (input: unknown) =>
  specificationVersionSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('specification version schema', () => {
  it('accepts a version with its title, date and status', () => {
    expect(messages(version)).toEqual([]);
    expect(messages({ ...version, status: 'superseded', note: 'Marked as a draft.' })).toEqual([]);
  });

  it('explains a wrong status, date, name or field', () => {
    expect(messages({ ...version, status: 'old' })).toEqual(['status: Expected `current` or `superseded`.']);
    expect(messages({ ...version, published: '20 November 2019' })).toEqual([
      'published: Expected a date like 2015-05-27 (year-month-day, no quotes).',
    ]);
    expect(messages({ ...version, id: '2019/20' })).toEqual([
      'id: Expected a version named by its year, such as "2019".',
    ]);
    expect(messages({ ...version, publised: version.published })).toContain(
      ': `publised` is not a field of a specification version; did you mean `published`?',
    );
  });
});
