import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import path from 'node:path';
import { checkedLoader } from './lib/checked-loader.ts';
import { bulletinSchema } from './schemas/bulletin.ts';
import { glossarySchema, sourceListSchema, timelineSchema, waveSchema } from './schemas/data.ts';
import { programmeSchema } from './schemas/programme.ts';
import { specificationSchema } from './schemas/specification.ts';
import { synonymSchema } from './schemas/synonyms.ts';
import { specificationVersionSchema } from './schemas/specification-version.ts';
import { contentCollections as layout, dataCollections as data } from './lib/content-layout.ts';
import { siteConfig } from './site.config.ts';

const files = (collection: keyof typeof layout) => ({
  base: path.join(siteConfig.contentDir, layout[collection].folder),
  pattern: layout[collection].pattern,
});
const dataFile = (collection: keyof typeof data) =>
  checkedLoader(file(path.join(siteConfig.contentDir, data[collection])));

// checkedLoader explains a file the schema rejects in the words of `npm run check`, and keeps `astro dev`
// running with the problem shown in the browser. `retainBody: false` keeps only the rendered HTML of each page in Astro's data store, not its Markdown
// too: a smaller store is faster to write and load and needs less memory (bench/README.md).
export const collections = {
  bulletins: defineCollection({
    loader: checkedLoader(glob({ ...files('bulletins'), retainBody: false })),
    schema: bulletinSchema,
  }),
  specification: defineCollection({
    loader: checkedLoader(glob({ ...files('specification'), retainBody: false })),
    schema: specificationSchema,
  }),
  programme: defineCollection({
    loader: checkedLoader(glob({ ...files('programme'), retainBody: false })),
    schema: programmeSchema,
  }),
  timeline: defineCollection({ loader: dataFile('timeline'), schema: timelineSchema }),
  waves: defineCollection({ loader: dataFile('waves'), schema: waveSchema }),
  glossary: defineCollection({ loader: dataFile('glossary'), schema: glossarySchema }),
  sources: defineCollection({ loader: dataFile('sources'), schema: sourceListSchema }),
  specificationVersions: defineCollection({
    loader: dataFile('specificationVersions'),
    schema: specificationVersionSchema,
  }),
  synonyms: defineCollection({ loader: dataFile('synonyms'), schema: synonymSchema }),
};
