// @ts-check
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { clauseIdsPlugin } from './src/markdown/clause-ids.ts';
import { contentGuardPlugin } from './src/lib/content-guard-plugin.ts';
import { sanitisePlugin } from './src/lib/safe-html/markdown-plugin.ts';
import { tableScrollPlugin } from './src/markdown/table-scroll.ts';
import { sourceCitationsPlugin } from './src/markdown/source-citations.ts';
import { contentProblems } from './src/integrations/content-problems.ts';
import { hosting } from './src/integrations/hosting.ts';
import { siteAddress } from './src/integrations/site-address.ts';
import { sitemapAlias } from './src/integrations/sitemap-alias.ts';
import { markdownFeatures } from './src/lib/content-layout.ts';
import { printCss } from './src/integrations/print-css.ts';
import { unusedCss } from './src/integrations/unused-css.ts';
import { cms } from './src/integrations/cms.ts';
import { emailImages } from './src/integrations/email-images.ts';
import { siteConfig } from './src/site.config.ts';
import { createHash } from 'node:crypto';

// Astro hashes its serializable configuration to decide whether its content store and its incremental
// build cache still hold; our Markdown plugins (anchors, guard, sanitiser) are code, which that hash cannot see. Its source (and
// what it imports) rides along in the plugin's name, so editing it re-renders every page.
const markdownPipeline = createHash('sha256')
  .update(
    [
      'src/markdown/clause-ids.ts',
      'src/lib/clauses.ts',
      'src/lib/content-guard-plugin.ts',
      'src/lib/content-guard.ts',
      'src/lib/safe-html/markdown-plugin.ts',
      'src/lib/safe-html/sanitise.ts',
      'src/lib/safe-html/schema.ts',
      'src/lib/safe-html/urls.ts',
      'src/markdown/table-scroll.ts',
      'src/markdown/source-citations.ts',
    ]
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\0'),
  )
  .digest('hex');
import { currentVersionFolder } from './src/lib/specification.ts';
import { isPermanentCopy } from './src/lib/specification-urls.ts';

const specificationFolder = path.join(siteConfig.contentDir, 'specification');
const currentVersion = currentVersionFolder(
  fs.existsSync(specificationFolder) ? fs.readdirSync(specificationFolder) : [],
);

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'always',
  // The Content-Security-Policy (deploy/hosting.yaml) allows no inline style or script, so Astro must
  // link every stylesheet and script as a file however small; the hosting integration checks the build.
  // Linking also measured better than inlining (bench/README.md): inlined, first loads were no smaller,
  // the build a third slower and dist/ five times bigger.
  build: { format: 'directory', inlineStylesheets: 'never' },
  cacheDir: `./${siteConfig.cacheDir}`,
  // Pages whose route gives a `cacheKey` are copied from the last build's output when neither the key nor
  // their code changed (src/lib/cache-key.ts says what goes into a key). It needs build.concurrency 1,
  // Astro's default. Pages that list others (home, archive, feeds, contents) render every time.
  experimental: { incrementalBuild: true },
  // The sitemap lists pages only (feeds and email editions are not pages); drafts are never built, so never
  // listed; the current version's permanent copies (/specification/2019/<slug>/) are left to their
  // canonical pages, /specification/<slug>/. hosting() checks the pages against the Content-Security-Policy
  // and writes _headers and _redirects. The search index and compressed copies are made after Astro, by
  // `npm run build` (cli/lib/finish.ts).
  integrations: [
    siteAddress(),
    mdx(),
    // Permanent copies of the current version's pages point at the unversioned ones; /admin/ is for editors.
    sitemap({
      filter: (url) =>
        url.endsWith('/') &&
        !new URL(url).pathname.startsWith('/admin/') &&
        !(currentVersion && isPermanentCopy(new URL(url).pathname, currentVersion)),
    }),
    sitemapAlias(),
    printCss(),
    unusedCss(siteConfig.contentDir),
    hosting(),
    contentProblems(),
    cms(),
    // Outlook shows no WebP: the email editions' images as PNG or JPEG (the pages keep WebP).
    emailImages(),
  ],
  markdown: {
    // `npm run check` parses content with the same features, so the images and text it finds are the ones built.
    // Content is untrusted: raw HTML is parsed into the tree (`rawHtml`) so that the sanitiser, the last
    // step, can keep only allowlisted markup; the guard refuses files and images from outside the content
    // folder, and files over the size limit, before they are parsed (src/lib/content-guard.ts).
    processor: satteri({
      features: { ...markdownFeatures, rawHtml: true },
      mdastPlugins: [contentGuardPlugin(siteConfig.contentDir)],
      hastPlugins: [
        { ...clauseIdsPlugin, name: `clause-ids ${markdownPipeline}` },
        sanitisePlugin,
        tableScrollPlugin,
        sourceCitationsPlugin,
      ],
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
