import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, publishPaths, type BuildSteps, type RunningBuild } from './publish.ts';

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

/** A project folder with a live site in dist/. */
function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-publish-'));
  made.push(root);
  fs.mkdirSync(path.join(root, 'dist/bulletins/2015-05'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/index.html'), 'old home');
  fs.writeFileSync(path.join(root, 'dist/bulletins/2015-05/index.html'), 'old issue');
  return { root, paths: publishPaths(path.join(root, 'dist')) };
}

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
  it('builds beside dist/ and swaps the new site in, keeping the old one', async () => {
    const { paths } = project();
    const log: string[] = [];
    expect(await publish(paths, steps({}, log))).toBe(true);
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('new home');
    expect(fs.readFileSync(path.join(paths.previous, 'index.html'), 'utf8')).toBe('old home');
    expect(fs.existsSync(paths.next)).toBe(false);
    expect(log.join('')).toContain('Published the new site');
  });

  it('leaves dist/ byte for byte unchanged when the build fails half-way', async () => {
    const { paths } = project();
    const before = treeHash(paths.dist);
    const log: string[] = [];
    expect(await publish(paths, steps({ build: fakeBuild('half a site', 1).build }, log))).toBe(false);
    expect(treeHash(paths.dist)).toBe(before);
    expect(fs.existsSync(paths.next)).toBe(false);
    expect(log.join('')).toContain('The build failed (exit code 1). The previous site in');
    expect(log.join('')).toContain('was kept, unchanged.');
  });

  it('shows the build only once the content check, run alongside it, has passed', async () => {
    const { paths } = project();
    const { build, calls } = fakeBuild('new home');
    const check = () => {
      calls.push('check');
      return true;
    };
    expect(await publish(paths, steps({ check, build }, []))).toBe(true);
    expect(calls).toEqual(['start', 'check', 'show']);
  });

  it('stops the build, hides its output and publishes nothing when the content check fails', async () => {
    const { paths } = project();
    const before = treeHash(paths.dist);
    const log: string[] = [];
    const { build, calls } = fakeBuild('a site from bad content');
    expect(await publish(paths, steps({ check: () => false, build }, log))).toBe(false);
    expect(calls).toEqual(['start', 'stop']);
    expect(treeHash(paths.dist)).toBe(before);
    expect(fs.existsSync(paths.next)).toBe(false);
    expect(log.join('')).toContain('The content check found errors, so the site was not built.');
  });

  it('finishes the built folder before publishing it, and publishes nothing if finishing fails', async () => {
    const { paths } = project();
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
    expect(fs.existsSync(paths.next)).toBe(false);
    expect(log.join('')).toContain(
      'The site could not be finished (search index, email editions or compressed copies)',
    );
  });

  it('publishes a first site when there is no dist/ yet', async () => {
    const { paths } = project();
    fs.rmSync(paths.dist, { recursive: true });
    expect(await publish(paths, steps({}, []))).toBe(true);
    expect(fs.readFileSync(path.join(paths.dist, 'index.html'), 'utf8')).toBe('new home');
  });
});
