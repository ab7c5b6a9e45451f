import { z } from 'astro/zod';
import { sourceSchema, strictObject } from './strict.ts';

/** One numbered section of the service specification: `specification/<version>/<nn>-<slug>.md`. */
export const specificationSchema = strictObject(
  {
    /** The section's number. Example: 5. */
    section: z.number().int().positive().describe('The section’s number, such as 5.'),
    /** The section's title, in sentence case. */
    title: z.string().min(1).max(120).describe('The section’s title, in sentence case.'),
    /** One sentence saying what the section covers; at most 300 characters. */
    summary: z.string().min(1).max(300).describe('One sentence on what the section covers; at most 300 characters.'),
    /** The specification version this section belongs to, named by its year. Example: "2019". */
    version: z
      .string({ error: 'Expected a version named by its year in quotes, such as "2019".' })
      .regex(/^\d{4}$/, { error: 'Expected a version named by its year, such as "2019".' })
      .describe('The version this section belongs to, named by its year, such as "2019".'),
    /** Where the section's facts come from. */
    sources: z.array(sourceSchema).default([]).describe('Where the section’s facts come from.'),
  },
  'a specification section',
);

export type SpecificationData = z.infer<typeof specificationSchema>;
