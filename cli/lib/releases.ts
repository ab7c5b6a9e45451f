import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../../src/content-rules/display-path.ts';

/**
 * Where a build keeps its sites. The live site (`dist`) is a symbolic link to one release folder in
 * `releases`; a build works in a folder of its own in `work` and, once finished, becomes a release by
 * one rename; the link is then replaced by one rename, so the live site is always one whole build,
 * whenever the build is stopped. Everything is in `.build/` beside `dist`, on the same disk.
 */
export interface ReleasePaths {
  /** The live site: a link to a release. */
  dist: string;
  /** `.build/`, beside dist. */
  base: string;
  /** Finished sites, one folder each, named by when they were built. */
  releases: string;
  /** Builds under way, one folder each. */
  work: string;
  /** The lock that lets one build at a time publish. */
  lock: string;
}

/**
 * The release folders for a site folder.
 * @example releasePaths('/repo/dist') // => { dist: '/repo/dist', base: '/repo/.build', releases: '/repo/.build/releases', work: '/repo/.build/work', lock: '/repo/.build/lock' }
 */
export function releasePaths(dist: string): ReleasePaths {
  const resolved = path.resolve(dist);
  const base = path.join(path.dirname(resolved), '.build');
  return {
    dist: resolved,
    base,
    releases: path.join(base, 'releases'),
    work: path.join(base, 'work'),
    lock: path.join(base, 'lock'),
  };
}

/** How releases and work folders are named: the UTC time to the millisecond, then the process number. */
const RELEASE_NAME = /^\d{8}T\d{9}Z-\d+$/;

let lastNamed = 0;

/** A new, unique release name that sorts after every earlier one (two in one millisecond are a millisecond apart). */
export function releaseName(now = Date.now()): string {
  lastNamed = Math.max(now, lastNamed + 1);
  return `${new Date(lastNamed).toISOString().replace(/[-:.]/g, '')}-${process.pid}`;
}

/** The release folder the live link points to, or undefined when there is no live release. */
export function liveRelease(paths: ReleasePaths): string | undefined {
  let target: string;
  try {
    target = path.resolve(path.dirname(paths.dist), fs.readlinkSync(paths.dist));
  } catch {
    return undefined;
  }
  return path.dirname(target) === paths.releases && fs.existsSync(target) ? target : undefined;
}

/** Every release folder this build made, oldest first. */
export function listReleases(paths: ReleasePaths): string[] {
  if (!fs.existsSync(paths.releases)) return [];
  return fs
    .readdirSync(paths.releases, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && RELEASE_NAME.test(entry.name))
    .map((entry) => path.join(paths.releases, entry.name))
    .sort();
}

/**
 * Signs of a site that an earlier version of this build wrote straight into a folder (before releases):
 * the host settings it generates and the search index. Such a folder is kept as a release, not refused.
 */
function builtByEarlierVersion(dir: string): boolean {
  try {
    return (
      fs.readFileSync(path.join(dir, '_headers'), 'utf8').startsWith('# Generated at build from deploy/hosting.yaml') &&
      fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js')) &&
      fs.existsSync(path.join(dir, 'index.html'))
    );
  } catch {
    return false;
  }
}

/** Whether a build may publish to `paths.dist`, and if not, the message that says why and what to do. */
export type TargetCheck = { ok: true; adopt?: string } | { ok: false; error: string };

/**
 * Refuses any `dist` that is not a site this build made: only a missing path, or a link into this
 * build's own releases, may be replaced. A folder that an earlier version of the build wrote directly
 * (before releases) is adopted as a release. Nothing is changed here.
 */
export function checkTarget(paths: ReleasePaths): TargetCheck {
  const shown = displayPath(paths.dist);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(paths.dist);
  } catch {
    return { ok: true };
  }
  const refuse = (what: string): TargetCheck => ({
    ok: false,
    error:
      `${shown} ${what}, not a site this build made, so the build will not replace it. Nothing was changed. ` +
      'Choose a new folder with --dist <dir>, or leave --dist out to publish to dist/.',
  });
  if (stat.isSymbolicLink()) {
    const target = path.resolve(path.dirname(paths.dist), fs.readlinkSync(paths.dist));
    return path.dirname(target) === paths.releases ? { ok: true } : refuse(`is a link to ${displayPath(target)}`);
  }
  if (!stat.isDirectory()) return refuse('is a file');
  if (builtByEarlierVersion(paths.dist)) return { ok: true, adopt: paths.dist };
  return refuse('is a folder');
}

/**
 * Makes a new release out of a finished folder and makes it live: the folder moves into `releases`
 * (one rename), then a new link to it replaces `dist` (one rename). Returns the release's path.
 */
export function makeLive(paths: ReleasePaths, finished: string, name = releaseName()): string {
  fs.mkdirSync(paths.releases, { recursive: true });
  const release = path.join(paths.releases, name);
  fs.renameSync(finished, release);
  switchLink(paths, release);
  return release;
}

/** Points `dist` at a release in one step: a new link is made beside the work folders, then renamed over `dist`. */
export function switchLink(paths: ReleasePaths, release: string): void {
  fs.mkdirSync(paths.work, { recursive: true });
  const link = path.join(paths.work, `link-${process.pid}`);
  fs.rmSync(link, { force: true });
  // Relative to dist's folder, so the checkout can be moved or mounted elsewhere.
  fs.symlinkSync(path.relative(path.dirname(paths.dist), release), link);
  fs.renameSync(link, paths.dist);
}

/**
 * Deletes the oldest releases, keeping the live one and the `keep` newest others (for rollback, and for
 * readers whose cached pages still ask for the previous build's files). Only folders named as this build
 * names releases are touched. Returns what was deleted.
 */
export function pruneReleases(paths: ReleasePaths, keep: number): string[] {
  const live = liveRelease(paths);
  const others = listReleases(paths).filter((release) => release !== live);
  const old = others.slice(0, Math.max(0, others.length - keep));
  for (const release of old) fs.rmSync(release, { recursive: true, force: true });
  return old;
}

/**
 * Puts things right after a build that was stopped part-way (killed, Ctrl-C, the machine restarted).
 * Call with the lock held, so that no other build is using a work folder. Removes work folders left
 * behind; adopts a site an earlier version of the build left in place; and, when `dist` is missing or
 * points to nothing, makes the newest release live again. Says what it did through `log`.
 */
export function recover(paths: ReleasePaths, log: (text: string) => void): void {
  if (fs.existsSync(paths.work)) {
    for (const entry of fs.readdirSync(paths.work)) {
      fs.rmSync(path.join(paths.work, entry), { recursive: true, force: true });
      if (RELEASE_NAME.test(entry))
        log(`Removed ${displayPath(path.join(paths.work, entry))}, left by a build that was stopped.`);
    }
  }
  const check = checkTarget(paths);
  if (check.ok && check.adopt) {
    const release = makeLive(paths, check.adopt);
    log(
      `${displayPath(paths.dist)}/ was built by an earlier version of the build; it is kept as ${displayPath(release)}/.`,
    );
    return;
  }
  // The build before releases swapped through .build/previous: a kill between its two renames left no dist.
  const legacy = path.join(paths.base, 'previous');
  if (!fs.existsSync(paths.dist) && !isLink(paths.dist) && builtByEarlierVersion(legacy)) {
    makeLive(paths, legacy);
    log(
      `There was no ${displayPath(paths.dist)}/ (a build was stopped while swapping); the previous site was put back.`,
    );
    return;
  }
  if (check.ok && !liveRelease(paths)) {
    const newest = listReleases(paths).at(-1);
    if (newest) {
      switchLink(paths, newest);
      log(
        `${displayPath(paths.dist)} pointed to no site (a build was stopped); it points to ${displayPath(newest)}/ again.`,
      );
    }
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Gives each file in `dir` whose bytes are the same as the file at the same path in `previous` the
 * previous file's modification time, so that servers that derive ETag and Last-Modified from it (nginx:
 * mtime and size) answer returning readers' conditional requests with 304 Not Modified for every file
 * the build did not change. Returns how many files kept their time.
 */
export function keepUnchangedTimes(dir: string, previous: string): number {
  let kept = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const before = path.join(previous, path.relative(dir, file));
    let old: fs.Stats;
    try {
      old = fs.lstatSync(before);
    } catch {
      continue;
    }
    const now = fs.statSync(file);
    if (!old.isFile() || old.size !== now.size || old.mtimeMs === now.mtimeMs) continue;
    if (!fs.readFileSync(file).equals(fs.readFileSync(before))) continue;
    fs.utimesSync(file, old.atime, old.mtime);
    kept += 1;
  }
  return kept;
}

/**
 * Fills a new build's folder with a copy of the live site (copy-on-write where the disk can, a full
 * copy otherwise; never hard links, which would let the new build write into the live site), keeping
 * each file's time. For builds that reuse the previous output. Returns whether there was a site to copy.
 * @example copyLiveRelease(releasePaths('dist'), '.build/work/20261205T130000000Z-1234')
 */
export function copyLiveRelease(paths: ReleasePaths, outDir: string): boolean {
  const live = liveRelease(paths);
  if (!live) return false;
  fs.cpSync(live, outDir, {
    recursive: true,
    preserveTimestamps: true,
    mode: fs.constants.COPYFILE_FICLONE,
    verbatimSymlinks: true,
  });
  return true;
}
