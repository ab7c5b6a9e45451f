import { z } from 'astro/zod';
import { isoDate, sourceUrl, strictObject } from './strict.ts';

/** One event in the programme's timeline: `data/timeline.yaml`. */
export const timelineSchema = strictObject(
  {
    id: z.string().min(1).describe('A unique id, such as 2009-bradley-report.'),
    /** The date as precisely as it is known, as shown to readers. Example: "April 2014". */
    date: z.string().min(1).describe('The date as precisely as it is known, as shown to readers.'),
    /** A full date used only to sort events. */
    sortDate: z.date({ error: 'Expected a date like 2014-04-01.' }).describe('A full date used only to sort.'),
    event: z.string().min(1).describe('What happened, in one sentence.'),
    /** `true` where sources disagree or could not be checked. */
    uncertain: z
      .boolean()
      .default(false)
      .describe('Switched on (true in the file) where sources disagree or could not be checked.'),
    /** Numbers of the sources in `data/sources.yaml`. */
    sources: z.array(z.number().int().positive()).default([]).describe('Numbers of the sources.'),
  },
  'a timeline event',
);

/** One trial scheme: `data/waves.yaml`. */
export const waveSchema = strictObject(
  {
    id: z.string().min(1).describe('A unique id, such as merseyside.'),
    scheme: z.string().min(1).describe('The scheme’s name.'),
    wave: z.number().int().positive().describe('The trial wave, 1 or 2.'),
    live: z.string().min(1).describe('When the scheme went live, as precisely as known.'),
    uncertain: z
      .boolean()
      .default(false)
      .describe('Switched on (true in the file) where sources disagree or could not be checked.'),
    note: z.string().optional().describe('Why the entry is uncertain, or other context.'),
  },
  'a trial scheme',
);

/** One term of the glossary: `data/glossary.yaml`. */
export const glossarySchema = strictObject(
  {
    id: z.string().min(1).describe('A unique id, such as diversion.'),
    term: z.string().min(1).describe('The term, as written in text.'),
    definition: z.string().min(1).describe('A definition in plain English.'),
  },
  'a glossary term',
);

/** One numbered source the site's facts come from: `data/sources.yaml`. */
export const sourceListSchema = strictObject(
  {
    id: z.string().regex(/^\d+$/).describe('The source’s number, as a string.'),
    title: z.string().min(1).describe('The source’s title.'),
    publisher: z.string().min(1).describe('Who published it.'),
    published: isoDate('When it was published, such as 2019-11-20.').optional(),
    url: sourceUrl,
  },
  'a source',
);
