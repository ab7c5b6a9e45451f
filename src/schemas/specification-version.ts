import { z } from 'astro/zod';
import { isoDate, strictObject } from './strict.ts';

/** One version of the service specification: `data/specification-versions.yaml`. */
export const specificationVersionSchema = strictObject(
  {
    /** The version's name, its year, as sections' `version` field and URLs use it. Example: "2019". */
    id: z
      .string({ error: 'Expected a version named by its year in quotes, such as "2019".' })
      .regex(/^\d{4}$/, { error: 'Expected a version named by its year, such as "2019".' })
      .describe('The version’s name, its year in quotes, such as "2019".'),
    /** The official document this version summarises. */
    title: z.string().min(1).max(120).describe('The title of the official document this version summarises.'),
    /** Who published the official document, as its cover says. */
    publisher: z
      .string()
      .min(1)
      .max(120)
      .optional()
      .describe('Who published the official document, such as "NHS England and NHS Improvement".'),
    /** When the official document was published. */
    published: isoDate('When the official document was published, such as 2019-11-20.'),
    /** `current` for the one version shown at /specification/, `superseded` for every older one. */
    status: z
      .enum(['current', 'superseded'], { error: 'Expected `current` or `superseded`.' })
      .describe('`current` for the newest version, `superseded` for every older one.'),
    /** The official document's number in `data/sources.yaml`: its address, where listed, is linked on every page of the version. */
    source: z
      .string()
      .regex(/^\d+$/, { error: 'Expected the number of a source in data/sources.yaml, in quotes, such as "18".' })
      .optional()
      .describe('The official document’s number in data/sources.yaml, in quotes, such as "18".'),
    /** Anything a reader should know about the document's standing, in one sentence. */
    note: z.string().min(1).max(300).optional().describe('Anything a reader should know about its standing.'),
  },
  'a specification version',
);

export type SpecificationVersion = z.infer<typeof specificationVersionSchema>;
