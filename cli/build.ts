/**
 * `npm run build`: checks the content (as `npm run check`) while Astro builds the site into
 * `.build/next`, finishes email editions and compresses pages as Astro writes them, makes the search
 * index once Astro has exited, and only then swaps the new site in for `dist/`. A failed check or
 * build leaves `dist/` exactly as it was. CONTENT_DIR, SITE_URL and BUILD_DATE work as for Astro.
 *
 *   npm run build                      # check, build, publish to dist/
 *   npm run build -- --dist /tmp/site  # publish somewhere else (tests)
 *   npm run build -- --verbose         # other options go to `astro build`
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { addressProblem } from '../src/lib/site-address.ts';
import { siteConfig } from '../src/site.config.ts';
import { FINISH_AFTER_ASTRO, finishBuiltSite, finishWrittenFile } from '../src/integrations/finish-site.ts';
import { buildArguments } from './lib/build-arguments.ts';
import { earlyFinisher, writtenFiles, type EarlyFinisher } from './lib/early-finish.ts';
import { publish, publishPaths, type RunningBuild } from './lib/publish.ts';

/**
 * Rolldown (Vite's bundler) and Astro's compiler allocate with mimalloc, which by default commits its
 * arenas up front and hands freed memory back to the system only after a delay. Committing on use and
 * handing back at once took about 200 MiB off Astro's peak at 1,000 issues, for no time we could
 * measure (bench/README.md). The environment can still set either.
 */
const LEAN_MIMALLOC = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' };

/**
 * Starts `astro build` into a folder with this Node. Its output is held back until `show()`, so that a
 * failed content check, running alongside, is not buried under Astro's progress lines.
 */
function astroBuild(outDir: string, args: string[], finisher: EarlyFinisher): RunningBuild {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  const astroBin = path.join(path.dirname(astroPackage), 'bin', 'astro.mjs');
  // Vite's `import.meta.env` built-ins can be overridden from the environment: `DEV=1` (which vitest
  // exports, as some shells do) makes `import.meta.env.DEV` true in a build, and getBulletins would let
  // drafts through. Astro always gets a clean production environment.
  const env: NodeJS.ProcessEnv = {
    ...LEAN_MIMALLOC,
    ...process.env,
    NODE_ENV: 'production',
    [FINISH_AFTER_ASTRO]: '1',
  };
  for (const builtIn of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[builtIn];
  // Astro's output goes through a pipe, so keep its colours when ours is a terminal.
  if (process.stdout.isTTY && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
  // V8 sizes its young generation to the machine (128 MiB here); 16 MiB semi-spaces keep Astro's peak
  // about 85 MiB lower for about 3 % more time, which the whole build's 1 GiB budget needs (bench/README.md).
  const child = spawn(process.execPath, ['--max-semi-space-size=16', astroBin, 'build', '--outDir', outDir, ...args], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env,
  });
  const held: [NodeJS.WriteStream, Buffer][] = [];
  let showing = false;
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from.on('data', (chunk: Buffer) => (showing ? to.write(chunk) : held.push([to, chunk])));
  }
  child.stdout.on('data', writtenFiles(finisher.written));
  // A failed build's folder is removed, so it has exited only once nothing is being finished in it.
  // A successful one goes on to the search index at once, while files Astro wrote last are finished.
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  }).then(async (code) => {
    if (code !== 0) await finisher.idle();
    return code;
  });
  return {
    exited,
    show: () => {
      showing = true;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
      finisher.start();
    },
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * Makes the search index, and whatever email editions and compressed copies were not made while Astro
 * was writing, in this process, once Astro's has exited and freed its memory. A failure is printed the
 * way Astro prints errors: what happened, then what to do.
 */
async function finish(outDir: string, finisher: EarlyFinisher): Promise<boolean> {
  try {
    await finishBuiltSite(outDir, (line) => console.log(line), finisher.settle());
    return true;
  } catch (error) {
    if (!(error instanceof AstroError)) throw error;
    console.error(`Error: ${error.message}${error.hint ? `\n  Hint: ${error.hint}` : ''}`);
    return false;
  }
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
// Before anything is built: a site whose feeds and emails point at localhost must never replace dist/.
const addressError = addressProblem(siteConfig);
if (addressError) {
  console.error(`Error: ${addressError.message}\n  Hint: ${addressError.hint}`);
  process.exit(1);
}
// While Astro renders pages on one core, this process finishes the files it has written on the other.
let finisher: EarlyFinisher | undefined;
const published = await publish(publishPaths(dist), {
  check: contentCheck,
  build: (outDir) => {
    finisher = earlyFinisher((file) => finishWrittenFile(outDir, file));
    return astroBuild(outDir, astroArgs, finisher);
  },
  finish: (outDir) => finish(outDir, finisher as EarlyFinisher),
  log: (text) => console.log(text),
});
process.exitCode = published ? 0 : 1;
