import { z } from 'astro/zod';
import { isoDate, strictObject, webAddress } from './strict.ts';

/** A closing-dated call to action, such as a readers' survey. */
export const callToActionSchema = strictObject(
  {
    /** Heading of the callout. Example: "Have your say on the bulletin". */
    title: z.string().min(1).describe('Heading of the callout.'),
    /** One or two sentences saying what readers are asked to do. */
    text: z.string().min(1).describe('What readers are asked to do, in one or two sentences.'),
    /** Where to act, if there is a link. */
    href: webAddress('Where to act, if there is a link.').optional(),
    /** Last day readers can act; after it the callout shows as closed. */
    closes: isoDate('Last day readers can act; after it the callout shows as closed.'),
  },
  'a call to action',
);

/** One issue of the programme bulletin: `bulletins/YYYY-MM.md`. */
export const bulletinSchema = strictObject(
  {
    /** The title. Example: "Liaison and Diversion Bulletin: May 2015". */
    title: z.string().min(1).max(120).describe('The issue’s title, as readers see it.'),
    /** The day the issue was published. Its year and month must match the file name. */
    date: isoDate('The day the issue was published; its year and month match the file name.'),
    /** A summary for lists, feeds and search: at most 300 characters. */
    summary: z
      .string()
      .min(1)
      .max(300, { error: 'Keep the summary to 300 characters or fewer: it is shown in lists, feeds and search.' })
      .describe('A summary for lists, feeds and search; at most 300 characters.'),
    /** Short topic names, lower case. Example: ["wave 2", "workforce"]. */
    topics: z.array(z.string().min(1)).default([]).describe('Short topic names, lower case.'),
    /** `true` keeps the issue out of the published site while it is being written. */
    draft: z
      .boolean()
      .default(false)
      .describe('Switched on (true in the file), the issue stays out of the published site.'),
    /** An optional call to action with a closing date. */
    callToAction: callToActionSchema.optional().describe('An optional call to action with a closing date.'),
  },
  'a bulletin',
);

export type BulletinData = z.infer<typeof bulletinSchema>;
