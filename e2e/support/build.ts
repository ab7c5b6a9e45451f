import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'FORCE_TTY']);

/** What to build: a content folder into an output folder, with any extra environment. */
export interface BuildOptions {
  contentDir: string;
  outDir: string;
  env?: Record<string, string>;
}

/**
 * Builds the site from another content folder (through `CONTENT_DIR`) with the project's Node 24 and Astro.
 * Throws with Astro's own output when the build fails.
 * @example await buildSite({ contentDir: 'e2e/fixtures/content', outDir: '/tmp/fixture-site' }); // => Astro's log
 */
export async function buildSite({ contentDir, outDir, env = {} }: BuildOptions): Promise<string> {
  const bin = (name: string) => path.resolve('node_modules/.bin', name);
  // A build run from a test runner must still be a production build. Vitest sets NODE_ENV=test and copies
  // import.meta.env into process.env (DEV=1, MODE=test...), which the child's Vite would read as a
  // development build: drafts published, for one.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
  );
  try {
    // `--force` clears the content layer cache: it still holds the last build's content folder, and an MDX
    // entry from a folder since deleted makes the next build fail to resolve its module.
    const args = [bin('astro'), 'build', '--force', '--outDir', path.resolve(outDir)];
    const { stdout, stderr } = await run(bin('node'), args, {
      // A fixture build is a preview unless a test says otherwise (`LOCAL_PREVIEW: ''` with a SITE_URL):
      // it may keep the local address, which a build for publishing refuses (src/lib/site-address.ts).
      env: { ...inherited, LOCAL_PREVIEW: '1', CONTENT_DIR: path.resolve(contentDir), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The build of ${contentDir} failed:\n${stdout}${stderr}`.trimEnd(), { cause: error });
  }
}
