import { z } from 'astro/zod';
import { closest, distance } from 'fastest-levenshtein';
import { LINK_PROTOCOLS, computerHost } from '../lib/safe-html/urls.ts';

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
 * "`titel` is not a field of a bulletin; did you mean `title`?". Its noun ("a bulletin") is kept as
 * metadata (`noun`), so `npm run check` can say it without reading it back out of the message.
 */
export function strictObject<T extends z.ZodRawShape>(shape: T, noun: string) {
  const known = Object.keys(shape);
  return z
    .strictObject(shape, {
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
    })
    .meta({ noun });
}

/**
 * A web address in frontmatter or a data file: https:, http: or mailto: only (src/lib/safe-html/urls.ts),
 * so a `data:`, `javascript:` or `vbscript:` address can never become a link on the site or in an email.
 */
export function webAddress(description: string) {
  return z
    .url({ protocol: new RegExp(`^(${LINK_PROTOCOLS.join('|')})$`) })
    .refine((url) => !/[\s"<>`\\]/.test(url), {
      error:
        'This address has a space, a double quote, a < or > or a backslash in it, which no web address copied from a browser has: it looks like HTML or other text pasted in with it, so it is not published. Copy the address again from the address bar of the page it should open, starting https://.',
    })
    .refine((url) => !URL.parse(url)?.username && !URL.parse(url)?.password, {
      error:
        'This address has a name and @ before the site it leads to, which makes it look like another site: it is not published. Copy the address again from the address bar of the page it should open.',
    })
    .refine((url) => !computerHost(URL.parse(url)?.hostname ?? ''), {
      error:
        'This address is on the computer it was copied from (localhost or 127.0.0.1): nobody else can open it. Use the address of the page on the live site, or a path on this site such as /bulletins/.',
    })
    .describe(description);
}

/** A calendar date written in YAML as `2015-05-27`. */
export function isoDate(description: string) {
  return z.date({ error: 'Expected a date like 2015-05-27 (year-month-day, no quotes).' }).describe(description);
}

/**
 * Sites that host copies of other people's documents. A copy there may differ from the original, or
 * vanish, so a source is never linked to one: it is cited by its title, publisher and date instead.
 */
export const FILE_SHARING_HOSTS = [
  'paperzz.com',
  'dokumen.tips',
  'pdfslide.net',
  'docsbay.net',
  'feedreader.com',
  'documents.pub',
  'vdocuments.mx',
  'fdocuments.in',
  'yumpu.com',
  'scribd.com',
  'studylib.net',
  'docplayer.net',
];

/**
 * The file-sharing site an address is on, if any.
 * @example fileSharingHost('https://www.paperzz.com/doc/1') // => 'paperzz.com'
 */
export function fileSharingHost(url: string): string | undefined {
  const host = URL.canParse(url) ? new URL(url).hostname.toLowerCase() : '';
  return FILE_SHARING_HOSTS.find((shared) => host === shared || host.endsWith(`.${shared}`));
}

/** The address of a source: the publisher's own page, never a copy on a file-sharing site. */
export const sourceUrl = webAddress(
  'The publisher’s own page for it, if one is known; never a copy on a file-sharing site.',
)
  .refine((url) => !fileSharingHost(url), {
    error: (issue) =>
      `This links to a copy on ${fileSharingHost(String(issue.input))}, a file-sharing site, not the publisher's own page. Link the publisher's page, or delete \`url\` and give \`publisher\` and \`published\` so the document is cited without a link.`,
  })
  .optional()
  .describe('The publisher’s own page for it, if one is known; never a copy on a file-sharing site.');

/** A source a page's facts come from, cited at its foot: "Title. Publisher, 20 November 2019." */
export const sourceSchema = strictObject(
  {
    /** The official title of the source document or page. */
    title: z.string().min(1).describe('The official title of the source document or page.'),
    /** Who published it, such as "NHS England". */
    publisher: z.string().min(1).optional().describe('Who published it, such as "NHS England".'),
    /** When it was published, such as 2019-11-20. */
    published: isoDate('When it was published, such as 2019-11-20.').optional(),
    /** The publisher's own page for it, if one is known; never a copy on a file-sharing site. */
    url: sourceUrl,
  },
  'a source',
);
