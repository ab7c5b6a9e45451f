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
import { parseArgs } from 'node:util';
import { publish, publishPaths } from './lib/publish.ts';
import { runCheck } from './lib/run-check.ts';

/** Our own `--dist <dir>`; every other argument is passed to `astro build` as written. */
function readArguments(argv: string[]): { dist: string; astroArgs: string[] } {
  const { tokens } = parseArgs({
    args: argv,
    options: { dist: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let dist = 'dist';
  const astroArgs: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'dist') dist = token.value ?? dist;
    else if (token.kind === 'option' && token.name.toLowerCase() === 'outdir') {
      console.error(
        'Error: the build chooses where Astro writes. Use --dist <dir> to publish somewhere other than dist/.',
      );
      process.exit(1);
    } else if (token.kind === 'option') {
      astroArgs.push(token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName);
    } else if (token.kind === 'positional') astroArgs.push(token.value);
    else astroArgs.push('--');
  }
  return { dist, astroArgs };
}

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

const { dist, astroArgs } = readArguments(process.argv.slice(2));
const published = await publish(publishPaths(dist), {
  check: () => runCheck(),
  build: (outDir) => astroBuild(outDir, astroArgs),
  log: (text) => console.log(text),
});
process.exitCode = published ? 0 : 1;
