// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { clauseIdsPlugin } from './src/integrations/clause-ids.ts';
import { markdownFeatures } from './src/lib/content-layout.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // `npm run check` parses content with the same features, so the anchors it checks are the ones built.
    processor: satteri({ features: markdownFeatures, hastPlugins: [clauseIdsPlugin] }),
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
