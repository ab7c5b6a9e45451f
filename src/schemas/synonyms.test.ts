import { describe, expect, it } from 'vitest';
import { normaliseTerm, synonymSchema } from './synonyms.ts';

const entry = { id: '24-7', typed: ['24/7', 'round the clock'], searchFor: ['24 hours a day'] };
const messages = (input: unknown) =>
  synonymSchema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('search synonym schema', () => {
  it('accepts an entry with the words people type and the words the site uses', () => {
    expect(messages(entry)).toEqual([]);
    expect(synonymSchema.parse({ ...entry, typed: ['  L&D  '] }).typed).toEqual(['L&D']);
  });

  it('rejects an unknown field and names the one meant', () => {
    expect(messages({ ...entry, searchfor: ['x'] })).toContain(
      ': `searchfor` is not a field of a synonym entry; did you mean `searchFor`?',
    );
  });

  it('rejects empty entries and empty lists', () => {
    expect(messages({ ...entry, typed: ['24/7', '  '] })).toEqual([
      'typed.1: This entry is empty: write a word or phrase, or delete the line.',
    ]);
    expect(messages({ ...entry, searchFor: [] })).toEqual([
      'searchFor: The list is empty: give at least one word or phrase.',
    ]);
    expect(messages({ id: '24-7', searchFor: ['x'] })).toHaveLength(1);
  });

  it('rejects the same word twice in an entry, whatever its case or spacing', () => {
    expect(messages({ ...entry, typed: ['24/7', 'Round  the clock', 'round the clock'] })).toEqual([
      'typed.2: "round the clock" is already in `typed` of this entry: each word or phrase goes in once.',
    ]);
    expect(messages({ ...entry, searchFor: ['24/7'] })).toEqual([
      'searchFor.0: "24/7" is already in `typed` of this entry: each word or phrase goes in once.',
    ]);
  });

  it('rejects an id that is not lowercase words and hyphens', () => {
    expect(messages({ ...entry, id: '24/7' })).toEqual([
      'id: Expected lowercase letters, digits and hyphens, such as "24-7".',
    ]);
  });

  it('compares terms without case or extra spaces', () => {
    expect(normaliseTerm('  Liaison  and Diversion ')).toBe('liaison and diversion');
  });
});
