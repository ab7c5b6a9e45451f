import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runBuild, type BuildRun } from './build-run.ts';
import { setAside } from './set-aside.ts';

/** The stock Starlight site that builds the same corpus (bench/starlight/README.md). */
export const STARLIGHT_DIR = path.resolve('bench/starlight');

/**
 * Times a cold build of the stock Starlight site on `corpus`, the reference the build-time budget
 * halves: measured on the same machine, minutes before our own build, it moves with the machine's
 * speed as ours does. Installs the Starlight site's dependencies the first time.
 * @example (await starlightBuild('bench/corpus', 'bench/results/starlight.log')).seconds // => 44.0
 */
export async function starlightBuild(corpus: string, log: string): Promise<BuildRun> {
  if (!fs.existsSync(path.join(STARLIGHT_DIR, 'node_modules'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: STARLIGHT_DIR, stdio: 'inherit' });
  }
  setAside(
    ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'].map((cache) => path.join(STARLIGHT_DIR, cache)),
  );
  return runBuild(`cd ${JSON.stringify(STARLIGHT_DIR)} && npm run build`, { CORPUS_DIR: path.resolve(corpus) }, log);
}
