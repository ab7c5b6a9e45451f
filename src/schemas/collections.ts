import type { z } from 'astro/zod';
import type { ContentCollection, DataCollection } from '../lib/content-layout.ts';
import { bulletinSchema } from './bulletin.ts';
import { glossarySchema, sourceListSchema, timelineSchema, waveSchema } from './data.ts';
import { programmeSchema } from './programme.ts';
import { specificationSchema } from './specification.ts';
import { specificationVersionSchema } from './specification-version.ts';
import { synonymSchema } from './synonyms.ts';

// Each collection's schema, by collection: the check (src/content-rules/read-content.ts), the frontmatter reference
// and the CMS read them from here. No file system imports: the admin page's script runs in the browser.
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
