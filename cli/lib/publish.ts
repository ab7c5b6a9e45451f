import fs from 'node:fs';
import path from 'node:path';
import { takeLock, type HeldLock } from './build-lock.ts';
import { displayPath } from '../../src/content-rules/display-path.ts';
import {
  checkTarget,
  keepUnchangedTimes,
  liveRelease,
  makeLive,
  pruneReleases,
  recover,
  releaseName,
  releasePaths,
  type ReleasePaths,
} from './releases.ts';
import { unservedFiles } from './site-files.ts';

export { copyLiveRelease } from './releases.ts';

/** The folders a safe build uses: see ReleasePaths (cli/lib/releases.ts). */
export type PublishPaths = ReleasePaths;

/**
 * The build folders for a site folder: `.build/releases` and `.build/work` beside it, on the same disk,
 * so that making a build live is a rename rather than a copy.
 * @example publishPaths('/repo/dist').releases // => '/repo/.build/releases'
 */
export function publishPaths(dist: string): PublishPaths {
  return releasePaths(dist);
}

/** How many releases are kept besides the live one, for rollback and for readers' cached pages. */
export const KEEP_RELEASES = 2;

/** A build under way, started alongside the content check. */
export interface RunningBuild {
  /** Resolves to the build's exit code. */
  exited: Promise<number>;
  /** Lets the build's output through: it is held back while the content check runs, so a failed check shows only its own errors. */
  show: () => void;
  /** Stops the build: the content check failed, or the build was interrupted. */
  stop: () => void;
}

/** The steps of a build, so tests can stand in for the content check, Astro and the finishing step. */
export interface BuildSteps {
  /** Checks the content; false stops the build. */
  check: () => boolean | Promise<boolean>;
  /** Starts building the site into a new, empty folder of its own (copyLiveRelease fills it with the live site, for incremental builds). */
  build: (outDir: string) => RunningBuild;
  /** Finishes the built folder once the build has exited (links check, search index, compressed copies); false fails the build. */
  finish?: (outDir: string) => Promise<boolean>;
  log: (text: string) => void;
  /**
   * Where the site goes after this build (`npm run publish`'s target), when not the site folder itself:
   * messages then speak of that, never of the local folder the build works in.
   */
  destination?: string;
}

/**
 * Removes a failed build's folder (hundreds of megabytes for a large site). A removal that fails (the
 * disk gone read-only, too many files open) is said plainly rather than thrown over the build's own
 * error; the next build removes what is left (`recover`).
 */
function removeWorkFolder(dir: string, log: (text: string) => void): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    log(`Could not remove ${displayPath(dir)} (${reason}); the next build removes it.`);
  }
}

/** Stopped by Ctrl-C or SIGTERM: the build is stopped, its folder removed, and the process ends. */
class Interrupted extends Error {}

/**
 * Checks the content while building the site into a folder of its own, and makes it the live `dist`
 * only if every step succeeded, in one atomic step (see ReleasePaths). The check and the build run side
 * by side (the machine has two cores); the build's output is shown once the check has passed, and a
 * failed check stops it. One build publishes at a time: another waits for it, and a build that was
 * killed is cleaned up by the next. A `dist` that is not a site this build made is refused, untouched.
 * Files whose bytes did not change keep the previous release's modification time (so their ETag). On
 * any failure `dist` is left exactly as it was, and the message says so. Ctrl-C or SIGTERM stops the
 * build (Astro included), removes its folder and ends the process. Resolves to whether the new site was published.
 */
export async function publish(paths: PublishPaths, steps: BuildSteps): Promise<boolean> {
  const shown = displayPath(paths.dist);
  const target = checkTarget(paths);
  if (!target.ok) {
    steps.log(`Error: ${target.error}`);
    return false;
  }
  fs.mkdirSync(paths.work, { recursive: true });
  let lock: HeldLock | undefined;
  let build: RunningBuild | undefined;
  let outDir: string | undefined;
  let interrupted: NodeJS.Signals | undefined;
  let wake: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    wake = () => reject(new Interrupted());
  });
  stopped.catch(() => {});
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = signal;
    steps.log(
      `\nStopping the build (${signal}). ${steps.destination ? `Nothing was sent to ${steps.destination}.` : `${shown}/ is left as it was.`}`,
    );
    build?.stop();
    wake?.();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const cleanUp = async () => {
    if (build && interrupted) await Promise.race([build.exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (outDir) removeWorkFolder(outDir, steps.log);
    lock?.release();
    for (const signal of signals) process.off(signal, onSignal);
  };
  try {
    lock = await Promise.race([
      takeLock(paths.lock, (holder) =>
        steps.log(`Waiting for ${holder} to finish: builds publish one at a time. Ctrl-C stops waiting.`),
      ),
      stopped,
    ]);
    recover(paths, steps.log);
    const published = await buildAndPublish(
      paths,
      steps,
      shown,
      (dir) => (outDir = dir),
      (running) => (build = running),
      stopped,
    );
    return published;
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    return false;
  } finally {
    await cleanUp();
    // Ended the way the signal would have ended it, so the shell and npm see an interrupted command.
    if (interrupted) process.kill(process.pid, interrupted);
  }
}

async function buildAndPublish(
  paths: PublishPaths,
  steps: BuildSteps,
  shown: string,
  setOutDir: (dir: string) => void,
  setBuild: (build: RunningBuild) => void,
  stopped: Promise<never>,
): Promise<boolean> {
  const before = liveRelease(paths);
  const kept = steps.destination
    ? `Nothing was sent to ${steps.destination}.`
    : before
      ? `The previous site in ${shown}/ was kept, unchanged.`
      : `There was no previous site in ${shown}/, and none was published.`;
  const name = releaseName();
  const outDir = path.join(paths.work, name);
  setOutDir(outDir);
  const fail = (message: string) => {
    removeWorkFolder(outDir, steps.log);
    steps.log(`\n${message} ${kept}`);
    return false;
  };
  fs.mkdirSync(outDir);
  const build = steps.build(outDir);
  setBuild(build);
  let checked = false;
  try {
    checked = await Promise.race([steps.check(), stopped]);
  } finally {
    if (!checked) build.stop();
  }
  if (!checked) {
    await build.exited;
    return fail('The content check found errors, so the site was not built.');
  }
  build.show();
  const code = await Promise.race([build.exited, stopped]);
  if (code !== 0) return fail(`The build failed (exit code ${code}).`);
  if (steps.finish && !(await Promise.race([steps.finish(outDir), stopped]))) {
    return fail(
      'The site was built but not finished (the problem above is from its links check, search index or compressed copies), so it was not published.',
    );
  }
  const unserved = unservedFiles(outDir);
  if (unserved.length > 0) {
    const list = unserved.slice(0, 5).join(', ') + (unserved.length > 5 ? ` and ${unserved.length - 5} more` : '');
    return fail(
      `The new site holds files a web site must not serve (${list}): build internals, source maps or hidden files. ` +
        'It was not published. Remove them from public/, or if the site should serve that kind of file, add it to cli/lib/site-files.ts.',
    );
  }
  if (before) keepUnchangedTimes(outDir, before);
  // From here on the switch is one rename of the folder and one of the link: a signal waits for it.
  let release: string;
  try {
    release = makeLive(paths, outDir, name);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`The new site was built but could not replace ${shown}/ (${reason}).`);
  }
  const removed = pruneReleases(paths, KEEP_RELEASES);
  if (steps.destination) {
    steps.log(`\nBuilt release ${path.basename(release)} for ${steps.destination}.`);
    return true;
  }
  steps.log(
    `\nPublished the new site to ${shown}/ (release ${path.basename(release)}).` +
      (before ? ` The site it replaced is kept in ${displayPath(before)}/.` : '') +
      (removed.length > 0 ? ` Removed ${removed.length} older release${removed.length === 1 ? '' : 's'}.` : ''),
  );
  return true;
}
