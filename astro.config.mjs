// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { clauseIdsPlugin } from './src/integrations/clause-ids.ts';
import { contentGuardPlugin } from './src/lib/content-guard-plugin.ts';
import { sanitisePlugin } from './src/lib/safe-html/markdown-plugin.ts';
import { hosting } from './src/integrations/hosting.ts';
import { finishSite } from './src/integrations/finish-site.ts';
import { sitemapAlias } from './src/integrations/sitemap-alias.ts';
import { markdownFeatures } from './src/lib/content-layout.ts';
import { printCss } from './src/integrations/print-css.ts';
import { unusedCss } from './src/integrations/unused-css.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  // The Content-Security-Policy (deploy/hosting.yaml) allows no inline style or script, so Astro must
  // link every stylesheet and script as a file however small; the hosting integration checks the build.
  // Linking also measured better than inlining (bench/README.md): inlined, first loads were no smaller,
  // the build a third slower and dist/ five times bigger.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The sitemap lists pages only (feeds and email editions are not pages); drafts are never built, so never
  // listed. finishSite() indexes the pages Astro has just written with Pagefind and writes .gz and .br copies
  // of every text file readers fetch (sitemap and the index's own JS and JSON too); under `npm run build` it
  // leaves that to cli/build.ts, after Astro's process has exited. hosting() checks the pages against the
  // Content-Security-Policy and writes _headers and _redirects.
  integrations: [
    mdx(),
    sitemap({ filter: (url) => url.endsWith('/') }),
    sitemapAlias(),
    printCss(),
    unusedCss(siteConfig.contentDir),
    finishSite(),
    hosting(),
  ],
  markdown: {
    // `npm run check` parses content with the same features, so the anchors it checks are the ones built.
    // Content is untrusted: raw HTML is parsed into the tree (`rawHtml`) so that the sanitiser, the last
    // step, can keep only allowlisted markup; the guard refuses files and images from outside the content
    // folder, and files over the size limit, before they are parsed (src/lib/content-guard.ts).
    processor: satteri({
      features: { ...markdownFeatures, rawHtml: true },
      mdastPlugins: [contentGuardPlugin(siteConfig.contentDir)],
      hastPlugins: [clauseIdsPlugin, sanitisePlugin],
    }),
  },
  vite: {
    // Keeps small scripts and assets out of the page as inline code and data: URLs (see above).
    build: { assetsInlineLimit: 0 },
    css: {
      preprocessorOptions: {
        // nhsuk-frontend's Sass resolves its own partials from node_modules.
        // `$app-site-url` lets the print stylesheet write internal links out in full.
        scss: {
          loadPaths: ['node_modules'],
          quietDeps: true,
          additionalData: `$app-site-url: ${JSON.stringify(siteConfig.url)};\n`,
        },
      },
    },
  },
});
