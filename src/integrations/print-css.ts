import type { AstroIntegration } from 'astro';
import path from 'node:path';
import type { AtRule, ChildNode, Plugin } from 'postcss';

const STYLES = `${path.sep}src${path.sep}styles${path.sep}`;

/** True for a rule that only applies on paper: `@media print …` and `@page`. */
export function isPrintRule(node: ChildNode): boolean {
  if (node.type !== 'atrule') return false;
  const rule = node as AtRule;
  return rule.name === 'page' || (rule.name === 'media' && /(^|[\s,(])print\b/i.test(rule.params));
}

/**
 * A PostCSS plugin that splits the site's stylesheet in two. main.scss and print.scss compile the same
 * Sass (_site.scss); main.scss keeps every rule but the print ones, print.scss only the print ones.
 * Base.astro links print.scss with media="print", so browsers fetch it without waiting for it to paint,
 * and a page's first load carries no print rules. Other stylesheets are left whole.
 * @example postcss: { plugins: [printSplitPlugin()] }
 */
export function printSplitPlugin(): Plugin {
  return {
    postcssPlugin: 'app-print-split',
    OnceExit(root) {
      // A stylesheet imported with `?url` arrives with a query (`print.scss?transform-only`).
      const file = (root.source?.input.file ?? '').split('?')[0];
      const keepPrint = file.endsWith(`${STYLES}print.scss`);
      if (!keepPrint && !file.endsWith(`${STYLES}main.scss`)) return;
      root.each((node) => {
        if (isPrintRule(node) !== keepPrint) node.remove();
      });
    },
  };
}

/**
 * Splits print rules out of the main stylesheet, in `astro dev` as in builds, so both show the same pages.
 * @example integrations: [printCss()]
 */
export function printCss(): AstroIntegration {
  return {
    name: 'app-print-css',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { css: { postcss: { plugins: [printSplitPlugin()] } } } });
      },
    },
  };
}
