import { z } from 'astro/zod';
import { strictObject } from './strict.ts';

/**
 * A search term as an editor writes it: words in any case, spaces between them. Compared without case and
 * with runs of spaces made one, so `L&D` and `l&d`, or `24 hours  a day` and `24 hours a day`, are the same.
 * @example normaliseTerm('  Liaison  and Diversion ') // => 'liaison and diversion'
 */
export function normaliseTerm(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

const term = z
  .string({ error: 'Expected a word or phrase in quotes, such as "24/7".' })
  .trim()
  .min(1, { error: 'This entry is empty: write a word or phrase, or delete the line.' })
  .max(60, { error: 'Too long for a search term: at most 60 characters.' });

/** Terms in one list of an entry, each at most once. */
const terms = (description: string) =>
  z
    .array(term, { error: 'Expected a list of words or phrases, each on its own line starting with "- ".' })
    .min(1, { error: 'The list is empty: give at least one word or phrase.' })
    .describe(description);

/**
 * One entry of the search synonyms: `data/synonyms.yaml`. When someone searches for any of `typed`, the
 * search page also searches for each of `searchFor` and says so ("Also searched for: …").
 */
export const synonymSchema = strictObject(
  {
    /** A unique id, such as `24-7`: lowercase letters, digits and hyphens. */
    id: z
      .string({ error: 'Expected an id in quotes, such as "24-7".' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Expected lowercase letters, digits and hyphens, such as "24-7".' })
      .describe('A unique id, such as "24-7": lowercase letters, digits and hyphens.'),
    /** Words or phrases people type in the search box. Example: ["24/7", "round the clock"]. */
    typed: terms('Words or phrases people type, such as "24/7". Case does not matter.'),
    /** The words the site uses for the same thing, searched for as well. Example: ["24 hours a day"]. */
    searchFor: terms('The words the site uses for the same thing, such as "24 hours a day". Searched for as well.'),
  },
  'a synonym entry',
).superRefine((entry, context) => {
  const seen = new Map<string, string>();
  for (const field of ['typed', 'searchFor'] as const) {
    entry[field].forEach((value, index) => {
      const key = normaliseTerm(value);
      const before = seen.get(key);
      if (before) {
        context.addIssue({
          code: 'custom',
          path: [field, index],
          message: `"${value}" is already in ${before} of this entry: each word or phrase goes in once.`,
        });
      } else seen.set(key, `\`${field}\``);
    });
  }
});

export type Synonym = z.infer<typeof synonymSchema>;
