/**
 * Where each collection's files live under the content folder, shared by the Astro
 * loaders (src/content.config.ts) and `npm run check`, so both read the same files.
 * Content is Markdown only: MDX runs code when the site is built, so an `.mdx` file in the content
 * folder is never read, and `npm run check` refuses it (src/content-rules/safety-rules.ts).
 */
export const contentCollections = {
  bulletins: { folder: 'bulletins', pattern: '*.md' },
  specification: { folder: 'specification', pattern: '*/*.md' },
  programme: { folder: 'programme', pattern: '*.md' },
} as const;

/** Data collections: one YAML file each, a list of entries with an `id`. */
export const dataCollections = {
  timeline: 'data/timeline.yaml',
  waves: 'data/waves.yaml',
  glossary: 'data/glossary.yaml',
  sources: 'data/sources.yaml',
  specificationVersions: 'data/specification-versions.yaml',
  synonyms: 'data/synonyms.yaml',
} as const;

/**
 * Pictures an entry may show, kept beside its Markdown file (an issue's in content/bulletins/, named
 * after the issue: `2015-07-wave-2-map.png`). Astro's image service makes the optimised copies the
 * page, the feeds and the email edition use; `npm run check` accepts these files there.
 */
export const IMAGE_FILE = /\.(png|jpe?g|webp|gif|avif|svg)$/i;

export type ContentCollection = keyof typeof contentCollections;
export type DataCollection = keyof typeof dataCollections;

/** Markdown features the site turns on beyond Astro's defaults (GFM and smart punctuation). */
export const markdownFeatures = {
  // Heading attributes let an editor pin a clause's anchor (`## 3.2 Screening {#clause-screening}`).
  headingAttributes: true,
} as const;
