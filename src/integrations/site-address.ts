import type { AstroIntegration } from 'astro';
import { addressProblem } from '../lib/site-address.ts';
import { userError } from '../lib/user-error.ts';
import { siteConfig } from '../site.config.ts';

/**
 * Stops a build, before any page is rendered, whose feeds, email editions and canonical links would
 * carry an address nobody else can open (`localhost`) or a placeholder. A preview on this computer
 * (`LOCAL_PREVIEW=1`, which `npm start` and `npm run dev` set) may use one. `npm run build` makes the
 * same check before it starts (cli/build.ts); this one also covers `astro build` run on its own.
 */
export function siteAddress(): AstroIntegration {
  return {
    name: 'ld-site-address',
    hooks: {
      'astro:build:start': () => {
        const problem = addressProblem(siteConfig);
        if (problem) throw userError(problem.message, problem.hint);
      },
    },
  };
}
