import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

// The synthetic corpus, relative to this project (override with CORPUS_DIR).
const root = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = resolve(root, process.env.CORPUS_DIR ?? '../corpus');

export const collections = {
  // Same as Starlight's docsLoader(), but reading the corpus instead of src/content/docs.
  // Only the page folders: the corpus README.md has no frontmatter.
  docs: defineCollection({
    loader: glob({ pattern: '{bulletins,programme,specification}/**/[^_]*.md', base: corpusDir }),
    schema: docsSchema(),
  }),
};
