import purgeCSSPlugin from '@fullhuman/postcss-purgecss';
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'postcss';

/** Where the site's own stylesheets live; only they are trimmed. */
const STYLES_DIR = `${path.sep}src${path.sep}styles${path.sep}`;

// Markdown turns into plain elements (h2, ul, table…) that no template names, so every element
// selector is kept; only classes and ids that no template mentions are removed.
const ELEMENT = /^[a-z][a-z0-9]*$/;

// The start of a class name a template puts together from parts, in a template string
// (`nhsuk-pagination-item--${item}`) or by adding strings (a quoted start, then `+`). PurgeCSS reads words, so it finds `nhsuk-pagination-item--`
// and never `nhsuk-pagination-item--next`, and used to drop that rule (issue 15: pagination arrows over
// their words on the published site only).
const TEMPLATE_PART = /([A-Za-z][\w-]*[-_])\$\{/g;
const CONCATENATED_PART = /(['"])([A-Za-z][\w-]*[-_])\1\s*\+/g;

/**
 * The starts of the class names `text` builds from parts: every selector that begins with one is kept,
 * so a class made at run time from a known start is never removed.
 * @example builtClassPrefixes('class={`nhsuk-pagination__link--${dir}`}') // => ['nhsuk-pagination__link--']
 */
export function builtClassPrefixes(text: string): string[] {
  const prefixes = [...text.matchAll(TEMPLATE_PART)].map((match) => match[1]);
  prefixes.push(...[...text.matchAll(CONCATENATED_PART)].map((match) => match[2]));
  return [...new Set(prefixes)];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Selectors that start with a built class name's known start, from every file in `content`. */
function builtClassSafelist(content: string[]): RegExp[] {
  // Tests build names of every kind (a namespace and a variable would keep every selector); pages never run them.
  const files = fs.globSync(content).filter((file) => !/\.test\.[a-z]+$/.test(file));
  const prefixes = new Set(files.flatMap((file) => builtClassPrefixes(fs.readFileSync(file, 'utf8'))));
  return [...prefixes].map((prefix) => new RegExp(`^${escapeRegExp(prefix)}`));
}

/**
 * A PostCSS plugin that removes from our stylesheets the nhsuk-frontend selectors no file in `content`
 * uses (PurgeCSS). A class is used when a file names it whole, or builds it from a start that a file
 * names (`builtClassPrefixes`). Other CSS, such as a library's own stylesheet on the search page, is left alone.
 * @example unusedCssPlugin(['src/**\/*.{astro,ts}'])
 */
export function unusedCssPlugin(content: string[]): Plugin {
  let purge: Plugin | undefined;
  return {
    postcssPlugin: 'app-unused-css',
    OnceExit(root, helpers) {
      const file = root.source?.input.file ?? '';
      if (!file.includes(STYLES_DIR)) return;
      purge ??= purgeCSSPlugin({
        content,
        safelist: { standard: [ELEMENT, ...builtClassSafelist(content)] },
      }) as Plugin;
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
