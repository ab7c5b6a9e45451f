import fs from 'node:fs/promises';
import type { AstroIntegration } from 'astro';

/**
 * `@astrojs/sitemap` writes `sitemap-index.xml`; crawlers and people also look for `/sitemap.xml`,
 * so the same index is written there too. Runs after the sitemap integration, so list it after.
 */
export function sitemapAlias(): AstroIntegration {
  return {
    name: 'sitemap-alias',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const index = new URL('sitemap-index.xml', dir);
        await fs.copyFile(index, new URL('sitemap.xml', dir));
        logger.info('sitemap.xml written (a copy of sitemap-index.xml).');
      },
    },
  };
}
