import fs from 'node:fs';
import path from 'node:path';

/** The folders a safe build uses: it builds into `next` and swaps it in for `dist` only on success. */
export interface PublishPaths {
  /** The live site. */
  dist: string;
  /** Where the new site is built. */
  next: string;
  /** Where the site that was live before the last successful build is kept. */
  previous: string;
}

/**
 * The build folders for a site folder: `.build/next` and `.build/previous` beside it, on the same
 * disk, so swapping is a rename rather than a copy.
 * @example publishPaths('/repo/dist') // => { dist: '/repo/dist', next: '/repo/.build/next', previous: '/repo/.build/previous' }
 */
export function publishPaths(dist: string): PublishPaths {
  const base = path.join(path.dirname(path.resolve(dist)), '.build');
  return { dist: path.resolve(dist), next: path.join(base, 'next'), previous: path.join(base, 'previous') };
}

/**
 * Puts the new site in place: the live `dist` moves to `previous` (replacing the one kept there),
 * then `next` becomes `dist`. If the second rename fails, the old site is moved back.
 */
export function swapIn(paths: PublishPaths): void {
  fs.rmSync(paths.previous, { recursive: true, force: true });
  const hadSite = fs.existsSync(paths.dist);
  if (hadSite) fs.renameSync(paths.dist, paths.previous);
  try {
    fs.renameSync(paths.next, paths.dist);
  } catch (error) {
    if (hadSite) fs.renameSync(paths.previous, paths.dist);
    throw error;
  }
}

/** The steps of a build, so tests can stand in for the content check and Astro. */
export interface BuildSteps {
  /** Checks the content; false stops the build. */
  check: () => boolean | Promise<boolean>;
  /** Builds the site into a folder; resolves to the exit code. */
  build: (outDir: string) => Promise<number>;
  log: (text: string) => void;
}

/**
 * Checks the content, builds the site into `next`, and swaps it in for `dist` only if every step
 * succeeded. On any failure `dist` is left exactly as it was, and the message says so.
 * Resolves to whether the new site was published.
 */
export async function publish(paths: PublishPaths, steps: BuildSteps): Promise<boolean> {
  const shown = path.relative(process.cwd(), paths.dist) || paths.dist;
  const kept = fs.existsSync(paths.dist)
    ? `The previous site in ${shown}/ was kept, unchanged.`
    : `There was no previous site in ${shown}/, and none was published.`;
  if (!(await steps.check())) {
    steps.log(`\nThe content check found errors, so the site was not built. ${kept}`);
    return false;
  }
  fs.rmSync(paths.next, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(paths.next), { recursive: true });
  const code = await steps.build(paths.next);
  if (code !== 0) {
    steps.log(`\nThe build failed (exit code ${code}). ${kept}`);
    fs.rmSync(paths.next, { recursive: true, force: true });
    return false;
  }
  const hadSite = fs.existsSync(paths.dist);
  try {
    swapIn(paths);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    steps.log(`\nThe new site was built but could not replace ${shown}/ (${reason}). ${kept}`);
    return false;
  }
  const previous = path.relative(process.cwd(), paths.previous) || paths.previous;
  steps.log(`\nPublished the new site to ${shown}/.${hadSite ? ` The site it replaced is kept in ${previous}/.` : ''}`);
  return true;
}
