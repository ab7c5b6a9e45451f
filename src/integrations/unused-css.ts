import purgeCSSPlugin from '@fullhuman/postcss-purgecss';
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import type { Plugin } from 'postcss';

/** Where the site's own stylesheets live; only they are trimmed. */
const STYLES_DIR = `${path.sep}src${path.sep}styles${path.sep}`;

// Markdown turns into plain elements (h2, ul, table…) that no template names, so every element
// selector is kept; only classes and ids that no template mentions are removed.
const ELEMENT = /^[a-z][a-z0-9]*$/;

/**
 * A PostCSS plugin that removes from our stylesheets the nhsuk-frontend selectors no file in `content`
 * uses (PurgeCSS). Other CSS, such as a library's own stylesheet on the search page, is left alone.
 * @example unusedCssPlugin(['src/**\/*.{astro,ts}'])
 */
export function unusedCssPlugin(content: string[]): Plugin {
  const purge = purgeCSSPlugin({ content, safelist: { standard: [ELEMENT] } }) as Plugin;
  return {
    postcssPlugin: 'app-unused-css',
    OnceExit(root, helpers) {
      const file = root.source?.input.file ?? '';
      if (!file.includes(STYLES_DIR)) return;
      return purge.OnceExit?.(root, helpers);
    },
  };
}

/**
 * Trims unused nhsuk-frontend CSS in production builds only, so `astro dev` always has every class
 * while a template is being written. Classes are looked for in templates, scripts and MDX content.
 */
export function unusedCss(contentDir: string): AstroIntegration {
  return {
    name: 'app-unused-css',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        // Content is Markdown: its elements are always kept. Only MDX content, which can use
        // components and classes, is searched; reading every Markdown file would cost seconds at 10,000 issues.
        const content = ['src/**/*.{astro,ts,tsx,js,mjs,mdx,md,html}', `${contentDir}/**/*.mdx`];
        updateConfig({ vite: { css: { postcss: { plugins: [unusedCssPlugin(content)] } } } });
      },
    },
  };
}
