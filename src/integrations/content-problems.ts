import type { AstroIntegration } from 'astro';

/**
 * In `astro dev`, shows content errors in the browser, in Astro's error overlay, in the words of
 * `npm run check` (src/dev/content-problems.ts). Builds are not changed: `npm run build` runs the check first.
 * @example integrations: [contentProblems()]
 */
export function contentProblems(): AstroIntegration {
  return {
    name: 'content-problems',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command !== 'dev') return;
        addMiddleware({ entrypoint: new URL('../dev/content-problems.ts', import.meta.url), order: 'pre' });
      },
    },
  };
}
