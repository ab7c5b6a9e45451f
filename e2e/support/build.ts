import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { finishSite } from '../../cli/lib/finish.ts';

const run = promisify(execFile);
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'FORCE_TTY']);

/**
 * This process's environment without what Vitest adds to it: NODE_ENV=test, and import.meta.env copied
 * into process.env (DEV=1, MODE=test...), which a child's Vite would read as a development build that
 * publishes drafts.
 */
export function productionEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
  );
}

/** What to build: a content folder into an output folder, with any extra environment. */
export interface BuildOptions {
  contentDir: string;
  outDir: string;
  env?: Record<string, string>;
}

/**
 * Builds the site from another content folder (through `CONTENT_DIR`) with the project's Node 24 and Astro,
 * then finishes it as `npm run build` does (search index, compressed copies).
 * Throws with Astro's own output when the build fails.
 * @example await buildSite({ contentDir: 'e2e/fixtures/content', outDir: '/tmp/fixture-site' }); // => Astro's log
 */
export async function buildSite({ contentDir, outDir, env = {} }: BuildOptions): Promise<string> {
  const bin = (name: string) => path.resolve('node_modules/.bin', name);
  try {
    // `--force`: a cold build, every page rendered, whatever a build of the same folder left in the cache.
    const args = [bin('astro'), 'build', '--force', '--outDir', path.resolve(outDir)];
    const { stdout, stderr } = await run(bin('node'), args, {
      // A fixture build is a preview unless a test says otherwise (`LOCAL_PREVIEW: ''` with a SITE_URL):
      // it may keep the local address, which a build for publishing refuses (src/lib/site-address.ts).
      env: { ...productionEnv(), LOCAL_PREVIEW: '1', CONTENT_DIR: path.resolve(contentDir), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    // The search index and compressed copies, as `npm run build` makes them after Astro.
    await finishSite(path.resolve(outDir), undefined, () => {});
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The build of ${contentDir} failed:\n${stdout}${stderr}`.trimEnd(), { cause: error });
  }
}
