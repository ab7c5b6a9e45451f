import type { z } from 'astro/zod';
import type { ContentCollection, DataCollection } from '../lib/content-layout.ts';
import { bulletinSchema } from '../schemas/bulletin.ts';
import { glossarySchema, sourceListSchema, timelineSchema, waveSchema } from '../schemas/data.ts';
import { programmeSchema } from '../schemas/programme.ts';
import { specificationSchema } from '../schemas/specification.ts';
import { specificationVersionSchema } from '../schemas/specification-version.ts';
import { synonymSchema } from '../schemas/synonyms.ts';

// The same schemas as cli/lib/read-content.ts gives the check (a unit test compares the two), without its
// file system imports: the admin page's script needs them in the browser to write files as they were.
export const contentSchemas = {
  bulletins: bulletinSchema,
  specification: specificationSchema,
  programme: programmeSchema,
} as const satisfies Record<ContentCollection, z.ZodType>;

export const dataSchemas = {
  timeline: timelineSchema,
  waves: waveSchema,
  glossary: glossarySchema,
  sources: sourceListSchema,
  specificationVersions: specificationVersionSchema,
  synonyms: synonymSchema,
} as const satisfies Record<DataCollection, z.ZodType>;
