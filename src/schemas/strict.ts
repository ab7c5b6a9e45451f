import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { LINK_PROTOCOLS } from '../lib/safe-html/urls.ts';

/**
 * Suggests the field an editor probably meant.
 * @example suggestField('titel', ['title', 'date']) // => 'title'
 */
export function suggestField(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const match = closest(key.toLowerCase(), [...known]);
  return distance(key.toLowerCase(), match.toLowerCase()) <= Math.max(2, Math.floor(key.length / 3))
    ? match
    : undefined;
}

/**
 * A zod object that rejects unknown fields, naming the field meant:
 * "`titel` is not a field of a bulletin; did you mean `title`?"
 */
export function strictObject<T extends z.ZodRawShape>(shape: T, noun: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => {
          const meant = suggestField(key, known);
          const hint = meant
            ? `did you mean \`${meant}\`?`
            : `the fields are ${known.map((k) => `\`${k}\``).join(', ')}.`;
          return `\`${key}\` is not a field of ${noun}; ${hint}`;
        })
        .join(' ');
    },
  });
}

/**
 * A web address in frontmatter or a data file: https:, http: or mailto: only (src/lib/safe-html/urls.ts),
 * so a `data:`, `javascript:` or `vbscript:` address can never become a link on the site or in an email.
 */
export function webAddress(description: string) {
  return z.url({ protocol: new RegExp(`^(${LINK_PROTOCOLS.join('|')})$`) }).describe(description);
}

/** A calendar date written in YAML as `2015-05-27`. */
export function isoDate(description: string) {
  return z.date({ error: 'Expected a date like 2015-05-27 (year-month-day, no quotes).' }).describe(description);
}

/** A source a page's facts come from, cited at its foot. */
export const sourceSchema = strictObject(
  {
    /** Title of the source document or page. */
    title: z.string().min(1).describe('Title of the source document or page.'),
    /** Address of the source, if it is online. */
    url: webAddress('Address of the source, if it is online.').optional(),
  },
  'a source',
);
