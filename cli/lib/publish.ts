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

/** A build under way, started alongside the content check. */
export interface RunningBuild {
  /** Resolves to the build's exit code. */
  exited: Promise<number>;
  /** Lets the build's output through: it is held back while the content check runs, so a failed check shows only its own errors. */
  show: () => void;
  /** Stops the build: the content check failed. */
  stop: () => void;
}

/** The steps of a build, so tests can stand in for the content check, Astro and the finishing step. */
export interface BuildSteps {
  /** Checks the content; false stops the build. */
  check: () => boolean | Promise<boolean>;
  /** Starts building the site into a folder. */
  build: (outDir: string) => RunningBuild;
  /** Finishes the built folder once the build has exited (search index, compressed copies); false fails the build. */
  finish?: (outDir: string) => Promise<boolean>;
  log: (text: string) => void;
}

/**
 * Checks the content while building the site into `next`, and swaps it in for `dist` only if every step
 * succeeded. The check and the build run side by side (the machine has two cores); the build's output
 * is shown once the check has passed, and a failed check stops it. On any failure `dist` is left
 * exactly as it was, and the message says so. Resolves to whether the new site was published.
 */
export async function publish(paths: PublishPaths, steps: BuildSteps): Promise<boolean> {
  const shown = path.relative(process.cwd(), paths.dist) || paths.dist;
  const kept = fs.existsSync(paths.dist)
    ? `The previous site in ${shown}/ was kept, unchanged.`
    : `There was no previous site in ${shown}/, and none was published.`;
  const fail = (message: string) => {
    fs.rmSync(paths.next, { recursive: true, force: true });
    steps.log(`\n${message} ${kept}`);
    return false;
  };
  fs.rmSync(paths.next, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(paths.next), { recursive: true });
  const build = steps.build(paths.next);
  let checked = false;
  try {
    checked = await steps.check();
  } finally {
    if (!checked) build.stop();
  }
  if (!checked) {
    await build.exited;
    return fail('The content check found errors, so the site was not built.');
  }
  build.show();
  const code = await build.exited;
  if (code !== 0) return fail(`The build failed (exit code ${code}).`);
  if (steps.finish && !(await steps.finish(paths.next))) {
    return fail(
      'The site could not be finished (search index, email editions or compressed copies), so it was not published.',
    );
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
