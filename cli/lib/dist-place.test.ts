import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { distPlaceProblem } from './dist-place.ts';
import { makeLive, releasePaths } from './releases.ts';

let roots: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A project folder whose dist/ is live: a link to a release in .build/releases, as after `npm run build`. */
function project(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ld-dist-place-')));
  roots.push(root);
  const built = path.join(root, 'built');
  fs.mkdirSync(path.join(built, 'pagefind'), { recursive: true });
  fs.writeFileSync(path.join(built, 'index.html'), '<h1>Home</h1>');
  makeLive(releasePaths(path.join(root, 'dist')), built);
  return root;
}

describe('distPlaceProblem: --dist is never inside a site, nor above one (issue 23)', () => {
  it.each([
    ['dist/sub', 'dist/sub', /is inside .*\.build\/, where builds keep their releases/],
    ['a release', '.build/releases', /is inside .*\.build\//],
    ['.build itself', '.build', /is named \.build/],
    ['a folder in .build, as npm start once used', '.build/local', /is inside .*\.build\//],
    ['the project folder', '.', /holds this project's site/],
    ['the folder above the project', '..', /holds this project's site/],
    ['a second site beside dist/', 'dist2', /would share .*\.build\/ with the site .*dist/],
    ['the content folder', 'content/site', /is inside the content folder/],
    ['public/, copied into every build', 'public/site', /is inside public\//],
  ])('refuses %s', (_, dist, says) => {
    const root = project();
    const problem = distPlaceProblem(path.join(root, dist), root, path.join(root, 'content'));
    expect(problem).toMatch(says);
    expect(problem).toContain('Nothing was built or changed.');
  });

  it('refuses a folder inside a built site that is not a link (a site copied elsewhere)', () => {
    const root = project();
    const copy = path.join(root, 'copy');
    fs.cpSync(path.join(root, 'dist'), copy, { recursive: true, dereference: true });
    expect(distPlaceProblem(path.join(copy, 'sub/site'), root, path.join(root, 'content'))).toMatch(
      /is inside the site .*copy\//,
    );
  });

  it('allows dist/ itself, and a folder elsewhere on the same disk', () => {
    const root = project();
    expect(distPlaceProblem(path.join(root, 'dist'), root, path.join(root, 'content'))).toBeUndefined();
    expect(distPlaceProblem(path.join(root, 'elsewhere/site'), root, path.join(root, 'content'))).toBeUndefined();
  });

  it('refuses a folder on another disk with a plain message, as Astro cannot move its pages there', () => {
    const root = project();
    const other = path.join(root, 'other-disk');
    const statSync = fs.statSync;
    vi.spyOn(fs, 'statSync').mockImplementation(((file: fs.PathLike, options?: fs.StatSyncOptions) => {
      const stat = statSync(file, options)!;
      return String(file).startsWith(other) ? Object.assign(stat, { dev: Number(stat.dev) + 1 }) : stat;
    }) as typeof fs.statSync);
    fs.mkdirSync(other);
    expect(distPlaceProblem(path.join(other, 'site'), root, path.join(root, 'content'))).toMatch(
      /is on another disk than the project/,
    );
  });
});
