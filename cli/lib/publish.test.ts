import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, publishPaths, type BuildSteps, type PublishPaths, type RunningBuild } from './publish.ts';
import { liveRelease, listReleases } from './releases.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A digest of every file's path and bytes under a folder: equal digests, equal trees. */
export function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => path.relative(dir, path.join(f.parentPath, f.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

/** A project folder with a live site in dist/, published by an earlier build. */
async function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-publish-'));
  made.push(root);
  const paths = publishPaths(path.join(root, 'dist'));
  const build = (outDir: string): RunningBuild => {
    fs.mkdirSync(path.join(outDir, 'bulletins/2015-05'), { recursive: true });
    fs.writeFileSync(path.join(outDir, 'index.html'), 'old home');
    fs.writeFileSync(path.join(outDir, 'bulletins/2015-05/index.html'), 'old issue');
    return { exited: Promise.resolve(0), show: () => {}, stop: () => {} };
  };
  expect(await publish(paths, { check: () => true, build, log: () => {} })).toBe(true);
  return { root, paths };
}

/** The folders a build may leave in .build/work: none once it has ended. */
const workLeft = (paths: PublishPaths) => fs.readdirSync(paths.work);

/** A stand-in for Astro: writes into the folder, then exits with `code`; records what publish asked of it. */
function fakeBuild(write: string, code = 0) {
  const calls: string[] = [];
  const build = (outDir: string): RunningBuild => {
    calls.push('start');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'index.html'), write);
    return { exited: Promise.resolve(code), show: () => calls.push('show'), stop: () => calls.push('stop') };
  };
  return { build, calls };
}

function steps(overrides: Partial<BuildSteps>, log: string[]): BuildSteps {
  return {
    check: () => true,
    build: fakeBuild('new home').build,
    log: (text) => log.push(text),
    ...overrides,
  };
}

describe('publish', () => {
  it('builds in a folder of its own beside dist/ and switches the new site in, keeping the old one', async () => {
    const { paths } = await project();
    const log: string[] = [];
    expect(await publish(paths, steps({}, log))).toBe(true);
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('new home');
    const [previous, live] = listReleases(paths);
    expect(liveRelease(paths)).toBe(live);
    expect(fs.readFileSync(path.join(previous, 'index.html'), 'utf8')).toBe('old home');
    expect(workLeft(paths)).toEqual([]);
    expect(log.join('')).toContain('Published the new site');
  });

  it('leaves dist/ byte for byte unchanged when the build fails half-way', async () => {
    const { paths } = await project();
    const before = treeHash(paths.dist);
    const log: string[] = [];
    expect(await publish(paths, steps({ build: fakeBuild('half a site', 1).build }, log))).toBe(false);
    expect(treeHash(paths.dist)).toBe(before);
    expect(workLeft(paths)).toEqual([]);
    expect(log.join('')).toContain('The build failed (exit code 1). The previous site in');
    expect(log.join('')).toContain('was kept, unchanged.');
  });

  it('shows the build only once the content check, run alongside it, has passed', async () => {
    const { paths } = await project();
    const { build, calls } = fakeBuild('new home');
    const check = () => {
      calls.push('check');
      return true;
    };
    expect(await publish(paths, steps({ check, build }, []))).toBe(true);
    expect(calls).toEqual(['start', 'check', 'show']);
  });

  it('stops the build, hides its output and publishes nothing when the content check fails', async () => {
    const { paths } = await project();
    const before = treeHash(paths.dist);
    const log: string[] = [];
    const { build, calls } = fakeBuild('a site from bad content');
    expect(await publish(paths, steps({ check: () => false, build }, log))).toBe(false);
    expect(calls).toEqual(['start', 'stop']);
    expect(treeHash(paths.dist)).toBe(before);
    expect(workLeft(paths)).toEqual([]);
    expect(log.join('')).toContain('The content check found errors, so the site was not built.');
  });

  it('finishes the built folder before publishing it, and publishes nothing if finishing fails', async () => {
    const { paths } = await project();
    const before = treeHash(paths.dist);
    const log: string[] = [];
    const finished: string[] = [];
    const finish = async (outDir: string) => {
      finished.push(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8'));
      return false;
    };
    expect(await publish(paths, steps({ finish }, log))).toBe(false);
    expect(finished).toEqual(['new home']);
    expect(treeHash(paths.dist)).toBe(before);
    expect(workLeft(paths)).toEqual([]);
    expect(log.join('')).toContain(
      'The site was built but not finished (the problem above is from its links check, search index or compressed copies)',
    );
  });

  it('publishes a first site when there is no dist/ yet', async () => {
    const { paths } = await project();
    fs.rmSync(paths.dist);
    fs.rmSync(paths.base, { recursive: true });
    expect(await publish(paths, steps({}, []))).toBe(true);
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('new home');
  });

  it('refuses a dist/ that is not a site it built, and changes nothing', async () => {
    const { root } = await project();
    const docs = path.join(root, 'docs');
    fs.mkdirSync(docs);
    fs.writeFileSync(path.join(docs, 'guide.md'), 'words');
    const before = treeHash(root);
    const log: string[] = [];
    const { build, calls } = fakeBuild('new home');
    expect(await publish(publishPaths(docs), steps({ build }, log))).toBe(false);
    expect(calls).toEqual([]);
    expect(treeHash(root)).toBe(before);
    expect(log.join('')).toContain('is a folder, not a site this build made');
  });

  it('publishes nothing that a web site must not serve', async () => {
    const { paths } = await project();
    const before = treeHash(paths.dist);
    const log: string[] = [];
    const build = (outDir: string): RunningBuild => {
      fs.mkdirSync(path.join(outDir, '.prerender'), { recursive: true });
      fs.writeFileSync(path.join(outDir, '.prerender/draft.mjs'), 'a draft');
      fs.writeFileSync(path.join(outDir, 'index.html'), 'new');
      return { exited: Promise.resolve(0), show: () => {}, stop: () => {} };
    };
    expect(await publish(paths, steps({ build }, log))).toBe(false);
    expect(treeHash(paths.dist)).toBe(before);
    expect(log.join('')).toContain('files a web site must not serve (.prerender/)');
  });

  it('runs one build at a time, each in a folder of its own', async () => {
    const { paths } = await project();
    const folders: string[] = [];
    let release!: () => void;
    const slow = (outDir: string): RunningBuild => {
      folders.push(outDir);
      fs.writeFileSync(path.join(outDir, 'index.html'), 'first');
      return { exited: new Promise((resolve) => (release = () => resolve(0))), show: () => {}, stop: () => {} };
    };
    const log: string[] = [];
    const first = publish(paths, steps({ build: slow }, []));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = publish(
      paths,
      steps(
        {
          build: (outDir) => {
            folders.push(outDir);
            return fakeBuild('second').build(outDir);
          },
        },
        log,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(folders).toHaveLength(1);
    expect(log.join('')).toMatch(/Waiting for another build \(process \d+/);
    release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(new Set(folders).size).toBe(2);
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('second');
  });

  it('keeps the modification time of every file whose bytes did not change', async () => {
    const { paths } = await project();
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(path.join(paths.dist, 'index.html'), past, past);
    expect(await publish(paths, steps({ build: fakeBuild('old home').build }, []))).toBe(true);
    expect(fs.statSync(path.join(paths.dist, 'index.html')).mtime).toEqual(past);
  });
});
