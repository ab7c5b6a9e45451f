/**
 * `npm run build`: checks the content (as `npm run check`), builds the site with Astro into
 * `.build/next`, and only then swaps it in for `dist/`. A failed check or build leaves `dist/`
 * exactly as it was. CONTENT_DIR, SITE_URL and BUILD_DATE work as for Astro.
 *
 *   npm run build                      # check, build, publish to dist/
 *   npm run build -- --dist /tmp/site  # publish somewhere else (tests)
 *   npm run build -- --verbose         # other options go to `astro build`
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildArguments } from './lib/build-arguments.ts';
import { publish, publishPaths } from './lib/publish.ts';

/** Runs `astro build` into a folder with this Node, passing output through; resolves to its exit code. */
function astroBuild(outDir: string, args: string[]): Promise<number> {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  const astroBin = path.join(path.dirname(astroPackage), 'bin', 'astro.mjs');
  return new Promise((resolve) => {
    // Vite's `import.meta.env` built-ins can be overridden from the environment: `DEV=1` (which vitest
    // exports, as some shells do) makes `import.meta.env.DEV` true in a build, and getBulletins would let
    // drafts through. Astro always gets a clean production environment.
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
    for (const builtIn of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[builtIn];
    const child = spawn(process.execPath, [astroBin, 'build', '--outDir', outDir, ...args], { stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs the content check (`npm run check`) in its own process and resolves to whether it passed.
 * In this process it would keep the memory it used (about 220 MB at 1,000 bulletins, 700 MB at 10,000)
 * for the whole of the Astro build, on top of Astro's own (bench/README.md).
 */
function contentCheck(): Promise<boolean> {
  const script = fileURLToPath(new URL('./check.ts', import.meta.url));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: 'inherit' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

const parsed = buildArguments(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`Error: ${parsed.error}`);
  process.exit(1);
}
const { dist, astroArgs } = parsed;
const published = await publish(publishPaths(dist), {
  check: contentCheck,
  build: (outDir) => astroBuild(outDir, astroArgs),
  log: (text) => console.log(text),
});
process.exitCode = published ? 0 : 1;
