import fs from 'node:fs';
import path from 'node:path';
import { displayPath } from '../../src/content-rules/display-path.ts';

/** `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A path with every link in it followed, as far as it exists; the missing rest is added as written.
 * @example realPath('/repo/dist/sub') // => '/repo/.build/releases/20261207T120000000Z-1/sub' (dist is a link)
 */
function realPath(file: string): string {
  const missing: string[] = [];
  let existing = path.resolve(file);
  for (;;) {
    try {
      return path.join(fs.realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

/** The nearest folder of `file` that exists, itself included. */
function nearestExisting(file: string): string {
  let dir = path.resolve(file);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** A folder that holds a built site: its home page and its search index or host settings. */
function isBuiltSite(dir: string): boolean {
  return (
    fs.existsSync(path.join(dir, 'index.html')) &&
    (fs.existsSync(path.join(dir, 'pagefind')) || fs.existsSync(path.join(dir, '_headers')))
  );
}

/** Names of the links in `folder` that point into `releases`: the sites published there. */
function siblingSites(folder: string, releases: string): string[] {
  if (!fs.existsSync(releases)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink())
    .filter((entry) => path.dirname(path.resolve(folder, fs.readlinkSync(path.join(folder, entry.name)))) === releases)
    .map((entry) => entry.name);
}

const HOW =
  'Nothing was built or changed. Choose a folder outside every site with --dist <dir>, or leave --dist out to publish to dist/.';

/**
 * Why a build must not publish to `dist`, or undefined when it may. The site a build makes is a link
 * beside a `.build/` folder that holds its releases; a `--dist` inside a site (dist/, a release, any
 * `.build/`, any folder that is a built site) would put a second site and its `.build/` into the live
 * one, served by the web server; one that holds the project (`--dist ..`) would put `.build/` above it.
 * Links are followed (`dist/sub` is inside the release `dist` points to). A `--dist` on another disk
 * than the project is refused too: Astro moves its pages from the project's `.astro/` folder into the
 * build folder, and a move works only on one disk. Nothing is changed here.
 * @example distPlaceProblem('dist/sub', '/repo', '/repo/content') // => '--dist dist/sub is inside the site …'
 */
export function distPlaceProblem(dist: string, projectRoot: string, contentDir: string): string | undefined {
  const resolved = path.resolve(dist);
  const shown = `--dist ${dist}`;
  // The folder the link and `.build/` go in, links followed; `dist` itself may be the site's own link.
  const parent = realPath(path.dirname(resolved));
  const target = realPath(resolved);
  if (path.basename(resolved) === '.build')
    return `${shown} is named .build, the name of the folder where builds keep their releases. ${HOW}`;
  // Folders the build reads: a site there would be read, or copied, into the next build.
  for (const [folder, what] of [
    [contentDir, 'the content folder'],
    [path.join(projectRoot, 'public'), 'public/, which every build copies into the site'],
    [path.join(projectRoot, 'src'), 'src/, the site’s code'],
  ] as const) {
    if (within(target, realPath(folder)) || within(parent, realPath(folder)))
      return `${shown} is inside ${what}: the next build would read the site it made. ${HOW}`;
  }
  const projectBuild = path.join(realPath(projectRoot), '.build');
  for (let dir = parent; ; dir = path.dirname(dir)) {
    // Any build's folder: a project may itself sit in a folder that happens to be called .build.
    const isBuildFolder =
      dir === projectBuild ||
      (path.basename(dir) === '.build' && ['releases', 'work', 'lock'].some((f) => fs.existsSync(path.join(dir, f))));
    if (isBuildFolder)
      return `${shown} is inside ${displayPath(dir)}/, where builds keep their releases: a site there would be published inside another site. ${HOW}`;
    if (path.dirname(dir) === dir) break;
  }
  const projectDist = realPath(path.join(projectRoot, 'dist'));
  for (let dir = parent; ; dir = path.dirname(dir)) {
    if (isBuiltSite(dir) || (within(dir, projectDist) && resolved !== path.join(projectRoot, 'dist')))
      return `${shown} is inside the site ${displayPath(dir)}/: the web server would serve the new site, and its build folder, as part of that one. ${HOW}`;
    if (path.dirname(dir) === dir) break;
  }
  // Two sites in one folder would share one .build/: each build deletes old releases but its own live one.
  const releases = path.join(parent, '.build', 'releases');
  const sharing =
    path.join(parent, 'dist') === path.join(realPath(projectRoot), 'dist') && path.basename(resolved) !== 'dist'
      ? 'dist'
      : siblingSites(parent, releases).find((name) => name !== path.basename(resolved));
  if (sharing)
    return `${shown} would share ${displayPath(path.join(parent, '.build'))}/ with the site ${displayPath(path.join(parent, sharing))}, and each build removes the other's releases. ${HOW}`;
  // The project's dist/ is the same place as the default --dist, and its link may be another name for it.
  for (const site of [projectBuild, projectDist]) {
    if (within(site, target) && !(site === projectDist && target === projectDist))
      return `${shown} holds this project's site (${displayPath(site)}/): publishing there would replace it or wrap it in another. ${HOW}`;
  }
  const here = fs.statSync(nearestExisting(path.join(projectRoot, '.astro'))).dev;
  if (fs.statSync(nearestExisting(parent)).dev !== here)
    return (
      `${shown} is on another disk than the project. Astro moves the pages it builds from the project's .astro/ folder into ` +
      `the build folder, which only works on one disk, so nothing was built or changed. Publish to a folder on the same disk ` +
      `as the project, then copy it (rsync -a --delete), or use npm run publish, which sends a finished site anywhere.`
    );
  return undefined;
}
