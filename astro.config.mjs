// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { clauseIdsPlugin } from './src/integrations/clause-ids.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The search index is built last, from the pages Astro has just written.
  integrations: [mdx(), pagefindIndex()],
  markdown: {
    // Heading attributes let an editor pin a clause's anchor (`## 3.2 Screening {#clause-screening}`).
    processor: satteri({ features: { headingAttributes: true }, hastPlugins: [clauseIdsPlugin] }),
  },
  vite: {
    css: {
      preprocessorOptions: {
        // nhsuk-frontend's Sass resolves its own partials from node_modules.
        scss: { loadPaths: ['node_modules'], quietDeps: true },
      },
    },
  },
});
