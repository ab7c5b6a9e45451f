// @ts-check
// The site's Astro config with the unified (remark/rehype) Markdown pipeline instead of Sätteri, for
// comparing the two: npm run bench -- --command "astro build --config bench/configs/unified.config.mjs"
// GFM (remark-gfm) and smart punctuation are on by default in both; remark-heading-id stands in for
// Sätteri's headingAttributes and rehypeClauseIds for the clause-ids hast plugin.
import { unified } from '@astrojs/markdown-remark';
import remarkHeadingId from 'remark-heading-id';
import config from '../../astro.config.mjs';
import { rehypeClauseIds } from './rehype-clause-ids.ts';

export default {
  ...config,
  markdown: {
    ...config.markdown,
    processor: unified({ remarkPlugins: [/** @type {any} */ (remarkHeadingId)], rehypePlugins: [rehypeClauseIds] }),
  },
};
