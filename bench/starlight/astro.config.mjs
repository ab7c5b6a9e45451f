// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// The synthetic corpus, relative to this project (override with CORPUS_DIR).
const root = fileURLToPath(new URL('.', import.meta.url));
const corpusDir = resolve(root, process.env.CORPUS_DIR ?? '../corpus');

export default defineConfig({
  integrations: [
    starlight({
      title: 'Starlight benchmark',
      // The docs live outside src/content/docs, so opt them into Starlight's
      // Markdown processing (heading links etc.) as they would be in a stock site.
      markdown: { processedDirs: [corpusDir] },
    }),
  ],
});
