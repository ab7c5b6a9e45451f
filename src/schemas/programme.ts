import { z } from 'astro/zod';
import { isoDate, sourceSchema, strictObject } from './strict.ts';

/** A programme page: `programme/<slug>.md`. */
export const programmeSchema = strictObject(
  {
    /** The page's title and only h1; at most 65 characters. */
    title: z.string().min(1).max(65).describe('The page’s title and only h1; at most 65 characters.'),
    /** One or two sentences for lists and search; at most 300 characters. */
    summary: z.string().min(1).max(300).describe('One or two sentences for lists and search; at most 300 characters.'),
    /** Position in the programme navigation, 1 first. */
    order: z.number().int().positive().describe('Position in the programme navigation, 1 first.'),
    /** The day the page was last checked. */
    lastReviewed: isoDate('The day the page was last checked.'),
    /** The day the page must be checked again by. */
    reviewBy: isoDate('The day the page must be checked again by.'),
    /** The team that keeps the page up to date. */
    owner: z.string().min(1).describe('The team that keeps the page up to date.'),
    /** `current`, or `historical` for a page that describes the programme at an earlier date. */
    status: z.enum(['current', 'historical']).describe('current, or historical for a page about the past.'),
    /** For a historical page: the date the page describes. */
    describes: isoDate('For a historical page: the date the page describes.').optional(),
    /** A data table shown after the text: timeline, waves or glossary. */
    table: z.enum(['timeline', 'waves', 'glossary']).optional().describe('A data table shown after the text.'),
    /** Where the page's facts come from. */
    sources: z.array(sourceSchema).default([]).describe('Where the page’s facts come from.'),
  },
  'a programme page',
).superRefine((page, ctx) => {
  if (page.status === 'historical' && !page.describes) {
    ctx.addIssue({
      code: 'custom',
      path: ['describes'],
      message: 'A historical page needs `describes`: the date it describes, such as 2012-04-01.',
    });
  }
  if (page.status === 'current' && page.describes) {
    ctx.addIssue({
      code: 'custom',
      path: ['describes'],
      message: '`describes` is only for historical pages: remove it, or set `status: historical`.',
    });
  }
  if (page.reviewBy < page.lastReviewed) {
    ctx.addIssue({
      code: 'custom',
      path: ['reviewBy'],
      message: '`reviewBy` must be on or after `lastReviewed`.',
    });
  }
});

export type ProgrammeData = z.infer<typeof programmeSchema>;
