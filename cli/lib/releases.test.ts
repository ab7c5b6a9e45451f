import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkTarget,
  copyLiveRelease,
  keepUnchangedTimes,
  listReleases,
  liveRelease,
  makeLive,
  pruneReleases,
  recover,
  releaseName,
  releasePaths,
} from './releases.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-releases-'));
  made.push(root);
  return { root, paths: releasePaths(path.join(root, 'dist')) };
}

/** A finished build in a work folder, holding `files`. */
function finished(paths: ReturnType<typeof releasePaths>, files: Record<string, string>): string {
  const dir = path.join(paths.work, releaseName());
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A site as the build before releases wrote it, straight into a folder. */
function earlierBuild(dir: string) {
  fs.mkdirSync(path.join(dir, 'pagefind'), { recursive: true });
  fs.writeFileSync(path.join(dir, '_headers'), '# Generated at build from deploy/hosting.yaml: change that file\n');
  fs.writeFileSync(path.join(dir, 'pagefind/pagefind.js'), '');
  fs.writeFileSync(path.join(dir, 'index.html'), 'earlier');
}

describe('checkTarget', () => {
  it('accepts a missing dist and a link to one of its releases', () => {
    const { paths } = project();
    expect(checkTarget(paths)).toEqual({ ok: true });
    makeLive(paths, finished(paths, { 'index.html': 'a' }));
    expect(checkTarget(paths)).toEqual({ ok: true });
  });

  it('refuses a folder, a file or a link this build did not make, and says nothing was changed', () => {
    const { root, paths } = project();
    fs.mkdirSync(paths.dist);
    fs.writeFileSync(path.join(paths.dist, 'guide.md'), 'not a site');
    const folder = checkTarget(paths);
    expect(folder).toMatchObject({ ok: false });
    expect(!folder.ok && folder.error).toMatch(/is a folder, not a site this build made.*Nothing was changed/);
    fs.rmSync(paths.dist, { recursive: true });
    fs.writeFileSync(paths.dist, 'a file');
    expect(checkTarget(paths)).toMatchObject({ ok: false, error: expect.stringContaining('is a file') });
    fs.rmSync(paths.dist);
    fs.symlinkSync(root, paths.dist);
    expect(checkTarget(paths)).toMatchObject({ ok: false, error: expect.stringContaining('is a link to') });
    expect(checkTarget(releasePaths(root))).toMatchObject({ ok: false });
    expect(checkTarget(releasePaths('/'))).toMatchObject({ ok: false });
  });

  it('adopts a site an earlier version of the build wrote straight into dist/', () => {
    const { paths } = project();
    earlierBuild(paths.dist);
    expect(checkTarget(paths)).toEqual({ ok: true, adopt: paths.dist });
  });
});

describe('makeLive and pruneReleases', () => {
  it('makes dist a relative link to the new release, and keeps the live release and the newest others', () => {
    const { paths } = project();
    for (const n of [1, 2, 3, 4]) makeLive(paths, finished(paths, { 'index.html': `site ${n}` }));
    expect(fs.readlinkSync(paths.dist)).toMatch(/^\.build\/releases\//);
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('site 4');
    const removed = pruneReleases(paths, 2);
    expect(removed).toHaveLength(1);
    expect(listReleases(paths).map((r) => fs.readFileSync(path.join(r, 'index.html'), 'utf8'))).toEqual([
      'site 2',
      'site 3',
      'site 4',
    ]);
  });

  it('never deletes a folder in releases/ that it did not name', () => {
    const { paths } = project();
    fs.mkdirSync(path.join(paths.releases, 'keep-me'), { recursive: true });
    for (const n of [1, 2, 3]) makeLive(paths, finished(paths, { 'index.html': `site ${n}` }));
    pruneReleases(paths, 0);
    expect(fs.existsSync(path.join(paths.releases, 'keep-me'))).toBe(true);
    expect(listReleases(paths)).toEqual([liveRelease(paths)]);
  });
});

describe('recover', () => {
  it('removes work folders a stopped build left, and points a dangling dist at the newest release', () => {
    const { paths } = project();
    const first = makeLive(paths, finished(paths, { 'index.html': 'first' }));
    const second = makeLive(paths, finished(paths, { 'index.html': 'second' }));
    const left = finished(paths, { 'index.html': 'half' });
    fs.rmSync(second, { recursive: true });
    const log: string[] = [];
    recover(paths, (text) => log.push(text));
    expect(fs.existsSync(left)).toBe(false);
    expect(liveRelease(paths)).toBe(first);
    expect(log.join('\n')).toMatch(/left by a build that was stopped[\s\S]*points to .* again/);
  });

  it('puts back the site a build before releases left in .build/previous when it was stopped mid-swap', () => {
    const { paths } = project();
    earlierBuild(path.join(paths.base, 'previous'));
    recover(paths, () => {});
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('earlier');
    expect(liveRelease(paths)).toBeDefined();
  });
});

describe('keepUnchangedTimes', () => {
  it('gives files with the same bytes the previous time, and leaves changed and new files alone', () => {
    const { paths } = project();
    const old = makeLive(paths, finished(paths, { 'same.html': 'same', 'changed.html': 'one' }));
    const past = new Date('2020-01-01T00:00:00Z');
    for (const name of ['same.html', 'changed.html']) fs.utimesSync(path.join(old, name), past, past);
    const next = finished(paths, { 'same.html': 'same', 'changed.html': 'two', 'new.html': 'new' });
    expect(keepUnchangedTimes(next, old)).toBe(1);
    expect(fs.statSync(path.join(next, 'same.html')).mtime).toEqual(past);
    expect(fs.statSync(path.join(next, 'changed.html')).mtime).not.toEqual(past);
  });
});

describe('copyLiveRelease', () => {
  it('copies the live site into a new folder, never linking to its files', () => {
    const { paths } = project();
    const live = makeLive(paths, finished(paths, { 'a/index.html': 'live' }));
    const out = path.join(paths.work, releaseName());
    expect(copyLiveRelease(paths, out)).toBe(true);
    fs.writeFileSync(path.join(out, 'a/index.html'), 'changed in the new build');
    expect(fs.readFileSync(path.join(live, 'a/index.html'), 'utf8')).toBe('live');
    expect(fs.statSync(path.join(out, 'a/index.html')).ino).not.toBe(fs.statSync(path.join(live, 'a/index.html')).ino);
  });
});
