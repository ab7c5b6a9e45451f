import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import path from 'node:path';
import { bulletinSchema } from './schemas/bulletin.ts';
import { glossarySchema, sourceListSchema, timelineSchema, waveSchema } from './schemas/data.ts';
import { programmeSchema } from './schemas/programme.ts';
import { specificationSchema } from './schemas/specification.ts';
import { specificationVersionSchema } from './schemas/specification-version.ts';
import { siteConfig } from './site.config.ts';

const from = (folder: string) => path.join(siteConfig.contentDir, folder);
const dataFile = (name: string) => file(path.join(siteConfig.contentDir, 'data', name));

export const collections = {
  bulletins: defineCollection({
    loader: glob({ base: from('bulletins'), pattern: '*.{md,mdx}' }),
    schema: bulletinSchema,
  }),
  specification: defineCollection({
    loader: glob({ base: from('specification'), pattern: '*/*.{md,mdx}' }),
    schema: specificationSchema,
  }),
  programme: defineCollection({
    loader: glob({ base: from('programme'), pattern: '*.{md,mdx}' }),
    schema: programmeSchema,
  }),
  timeline: defineCollection({ loader: dataFile('timeline.yaml'), schema: timelineSchema }),
  waves: defineCollection({ loader: dataFile('waves.yaml'), schema: waveSchema }),
  glossary: defineCollection({ loader: dataFile('glossary.yaml'), schema: glossarySchema }),
  sources: defineCollection({ loader: dataFile('sources.yaml'), schema: sourceListSchema }),
  specificationVersions: defineCollection({
    loader: dataFile('specification-versions.yaml'),
    schema: specificationVersionSchema,
  }),
};
