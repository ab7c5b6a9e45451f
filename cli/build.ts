/**
 * `npm run build`: the content check (as `npm run check`), then `astro build` into `.build/next`, then
 * one finishing step on the whole site (cli/lib/finish.ts: site checks, search index, compressed
 * copies), then the swap into `dist/`. A failed step leaves `dist/` exactly as it was. Astro's
 * incremental build copies unchanged pages from its own cache (node_modules/.astro/), never from
 * `dist/`. CONTENT_DIR, SITE_URL and BUILD_DATE work as for Astro.
 *
 *   npm run build                      # check, build, publish to dist/
 *   npm run build -- --dist /tmp/site  # publish somewhere else (tests)
 *   npm run build -- --force           # other options go to `astro build`; --force renders every page
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { displayPath } from '../src/content-rules/display-path.ts';
import { oddFiles } from '../src/content-rules/odd-files.ts';
import { formatProblem } from '../src/content-rules/problems.ts';
import { addressProblem } from '../src/lib/site-address.ts';
import { isSystemError } from '../src/lib/system-error.ts';
import { buildArguments } from './lib/build-arguments.ts';
import { distPlaceProblem } from './lib/dist-place.ts';
import { siteConfig } from '../src/site.config.ts';
import { finishSite } from './lib/finish.ts';
import { exitPlainlyOnError, plainError } from './lib/plain-errors.ts';
import { publish, publishPaths, type RunningBuild } from './lib/publish.ts';

/**
 * Memory settings for Astro's process, needed for the 1 GiB budget (bench/README.md, "Memory settings"):
 * Rolldown and Astro's compiler allocate with mimalloc, which by default commits its arenas up front and
 * hands freed memory back only after a delay; V8 sizes its young generation to the machine. Neither
 * caps the heap, so a larger site still builds. The environment can still set the mimalloc ones.
 */
const ASTRO_MEMORY = {
  nodeArgs: ['--max-semi-space-size=16'],
  env: { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_PURGE_DELAY: '0' },
};

/** Runs a Node script in its own process; `hold` keeps its output back until `show()`. */
function runNode(
  script: string,
  args: string[],
  hold: boolean,
  memory = { nodeArgs: [] as string[], env: {} },
): RunningBuild {
  // Vite's `import.meta.env` built-ins can be overridden from the environment (vitest exports DEV=1,
  // which would let drafts through): Astro always gets a clean production environment.
  const env: NodeJS.ProcessEnv = { ...memory.env, ...process.env, NODE_ENV: 'production' };
  for (const builtIn of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete env[builtIn];
  if (hold && process.stdout.isTTY && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
  const child = spawn(process.execPath, [...memory.nodeArgs, script, ...args], {
    stdio: ['inherit', hold ? 'pipe' : 'inherit', hold ? 'pipe' : 'inherit'],
    env,
  });
  const held: [NodeJS.WriteStream, Buffer][] = [];
  let showing = !hold;
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from?.on('data', (chunk: Buffer) => (showing ? to.write(chunk) : held.push([to, chunk])));
  }
  const exited = new Promise<number>((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  const show = () => {
    showing = true;
    for (const [to, chunk] of held.splice(0)) to.write(chunk);
  };
  return { exited, show, stop: () => child.kill('SIGTERM') };
}

exitPlainlyOnError('npm run build');
const parsed = buildArguments(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`Error: ${parsed.error}`);
  process.exit(1);
}
// Before anything is built: a site whose feeds and emails point at localhost must never replace dist/.
const addressError = addressProblem(siteConfig);
if (addressError) {
  console.error(`Error: ${addressError.message}\n  Hint: ${addressError.hint}`);
  process.exit(1);
}
const placeProblem = distPlaceProblem(
  parsed.dist,
  fileURLToPath(new URL('../', import.meta.url)),
  siteConfig.contentDir,
);
if (placeProblem) {
  console.error(`Error: ${placeProblem}`);
  process.exit(1);
}
// Before Astro starts beside the check: its content loader would wait forever on a named pipe.
const odd = oddFiles(siteConfig.contentDir, displayPath);
if (odd.length) {
  for (const problem of odd) console.error(`${formatProblem(problem)}\n`);
  console.error('The content folder holds files the site cannot read, so nothing was built or changed.');
  process.exit(1);
}
const paths = publishPaths(parsed.dist);
// Astro overwrites its cached copy of each page it renders, but records which content each copy shows
// only once it has rendered them all. After a build that did not get there (stopped, failed, killed),
// the record can point at copies of other content; so a build leaves this mark until Astro has
// finished, and the next build finding it starts without the record (every page rendered).
// The mark is made once this build holds the lock (in `build`), so a build waiting for another never
// sees, or removes, the other's mark.
const unfinished = path.join(siteConfig.cacheDir, 'build-unfinished');
const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const published = await publish(paths, {
  // The check runs in its own process beside Astro's (two cores); Astro's output waits until it passes.
  check: () =>
    runNode(fileURLToPath(new URL('./check.ts', import.meta.url)), ['--no-spelling'], false).exited.then(
      (code) => code === 0,
    ),
  build: (outDir) => {
    if (fs.existsSync(unfinished)) fs.rmSync(path.join(siteConfig.cacheDir, 'incremental-build.json'), { force: true });
    fs.mkdirSync(siteConfig.cacheDir, { recursive: true });
    fs.writeFileSync(unfinished, '');
    const running = runNode(astro, ['build', '--outDir', outDir, ...parsed.astroArgs], true, ASTRO_MEMORY);
    const exited = running.exited.then((code) => (code === 0 && fs.rmSync(unfinished, { force: true }), code));
    return { ...running, exited };
  },
  finish: async (outDir) => {
    try {
      await finishSite(outDir, fs.existsSync(paths.dist) ? paths.dist : undefined, (line) => console.log(line));
      return true;
    } catch (error) {
      if (!(error instanceof AstroError) && !isSystemError(error)) throw error;
      console.error(plainError(error, 'npm run build'));
      return false;
    }
  },
  log: (text) => console.log(text),
  // Set by `npm run publish`, which sends the release on: say where it goes, not where it was built.
  destination: process.env.PUBLISH_DESTINATION || undefined,
});
process.exitCode = published ? 0 : 1;
