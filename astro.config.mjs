// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { clauseIdsPlugin } from './src/integrations/clause-ids.ts';
import { precompress } from './src/integrations/precompress.ts';
import { unusedCss } from './src/integrations/unused-css.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Linked, not inlined: measured on 1,000 bulletins (bench/README.md), inlining the 52 KB stylesheet into
    // every page made first loads no smaller but the build a third slower and dist/ five times bigger.
    // 'auto' still inlines a page's own small stylesheet (under 4 KB).
    inlineStylesheets: 'auto',
  },
  // precompress comes last so it sees every file the others write.
  integrations: [mdx(), unusedCss(siteConfig.contentDir), precompress()],
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
