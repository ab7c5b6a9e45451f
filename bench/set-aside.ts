import fs from 'node:fs';
import path from 'node:path';

/** Where outputs cleared for a cold build wait until the timings are done: same disk, so moving is a rename. */
export const SET_ASIDE_DIR = path.resolve('node_modules/.cache/bench-set-aside');

/**
 * Clears folders for a cold build by moving them out of the way rather than deleting them. This
 * machine's disk (ext4 without a journal) will not reuse a deleted file's inode for a few minutes, and
 * creating a file meanwhile scans past every such inode: in a profile of a build made just after
 * deleting the previous build's 7,000 files, 7 % of all samples were that scan (bench/README.md). The
 * folders are deleted by `deleteSetAside` once every timing is done.
 * @example setAside(['dist', '.astro'])
 */
export function setAside(dirs: readonly string[], to = SET_ASIDE_DIR): void {
  const stamp = `${Date.now()}-${process.pid}`;
  dirs.forEach((dir, index) => {
    if (!fs.existsSync(dir)) return;
    fs.mkdirSync(to, { recursive: true });
    fs.renameSync(dir, path.join(to, `${stamp}-${index}-${path.basename(dir)}`));
  });
}

/** Deletes what `setAside` moved, this run's and any an interrupted run left. */
export function deleteSetAside(from = SET_ASIDE_DIR): void {
  fs.rmSync(from, { recursive: true, force: true });
}
