/**
 * Hostile-input suite, the build and the server (issue 17, items 1, 2, 3 and 12): a wrong `--dist`, two
 * builds at once, a build stopped by a signal or killed outright, and ETags through nginx from one build
 * to the next. Every build here is the real `npm run build` on synthetic content (e2e/fixtures/publishing)
 * into a temporary folder; nothing in the checkout's dist/ is read or written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startNginx } from '../scripts/nginx/runtime.ts';
import { listReleases, liveRelease, releasePaths } from '../cli/lib/releases.ts';
import { unservedFiles } from '../cli/lib/site-files.ts';

const FIXTURE = path.resolve('e2e/fixtures/publishing');
const ENV = {
  CONTENT_DIR: FIXTURE,
  BUILD_DATE: '2015-05-10',
  SITE_URL: 'https://publishing.liaison-and-diversion.test',
};
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-hostile-build-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** A new folder for one test, inside this file's temporary folder. */
function folder(name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Starts `npm run build -- --dist <dist>` (through npm, as people run it) in its own process group. */
function startBuild(dist: string, env: Record<string, string> = {}, ...args: string[]) {
  const child = spawn('npm', ['run', '--silent', 'build', '--', '--dist', dist, ...args], {
    env: { ...process.env, ...ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const ended = new Promise<Ended>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, output })));
  return { child, ended, output: () => output };
}

const build = (dist: string, env: Record<string, string> = {}, ...args: string[]) =>
  startBuild(dist, env, ...args).ended;

/** A digest of every file's path and bytes under a folder (links followed): equal digests, equal trees. */
function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)));
  return hash.digest('hex');
}

/** The numbers of the running processes whose command line contains `text`. */
function processesWith(text: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) found.push(Number(entry));
    } catch {
      // Ended while being read.
    }
  }
  return found;
}

/** Every process started under `pid`, at any depth. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Ended while being read.
    }
  }
  const all: number[] = [];
  const walk = (p: number) => {
    for (const child of children.get(p) ?? []) {
      all.push(child);
      walk(child);
    }
  };
  walk(pid);
  return all;
}

const running = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/^\S+ \(.*\) Z/.test(readStat(pid));
function readStat(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return '';
  }
}

async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until Astro is building into a work folder under `base`; returns that folder. */
async function astroBuildingIn(base: string): Promise<string> {
  let dir = '';
  await until(() => {
    const workDir = path.join(base, 'work');
    const folders = fs.existsSync(workDir) ? fs.readdirSync(workDir).filter((name) => !name.startsWith('link-')) : [];
    dir = folders.length > 0 ? path.join(workDir, folders[0]) : '';
    return dir !== '' && processesWith(`--outDir\0${dir}`).length > 0;
  }, 'Astro is building');
  return dir;
}

describe('--dist never replaces or deletes a folder the build did not make (17.1)', () => {
  it.each([
    ['a folder of other files, such as docs/', (root: string) => path.join(root, 'docs')],
    ['the folder holding the project, as `--dist .` would', (root: string) => root],
    ['a link to a folder elsewhere', (root: string) => path.join(root, 'link')],
  ])('refuses %s, with a plain message, and changes nothing', async (_, target) => {
    const root = folder(`refuse-${crypto.randomUUID()}`);
    fs.mkdirSync(path.join(root, 'docs'));
    fs.writeFileSync(path.join(root, 'docs/guide.md'), 'An editor guide that must survive.');
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.writeFileSync(path.join(root, 'elsewhere/notes.txt'), 'Notes that must survive.');
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'link'));
    const before = treeHash(root);
    const dist = target(root);
    const { code, output } = await build(dist);
    expect(code).toBe(1);
    expect(output).toContain('not a site this build made, so the build will not replace it. Nothing was changed.');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(treeHash(root)).toBe(before);
    expect(fs.existsSync(path.join(path.dirname(dist), '.build'))).toBe(false);
  });
});

describe('two builds at once (17.2)', () => {
  const dist = path.join(folder('together'), 'dist');
  let first: Ended;
  let second: Ended;

  it('runs them one after the other, each in a folder of its own, and both publish', async () => {
    const a = startBuild(dist);
    await astroBuildingIn(releasePaths(dist).base);
    const b = startBuild(dist);
    [first, second] = await Promise.all([a.ended, b.ended]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(/Waiting for another build \(process \d+, started at \d\d:\d\d\) to finish/);
    const releases = listReleases(releasePaths(dist));
    expect(releases).toHaveLength(2);
    expect(liveRelease(releasePaths(dist))).toBe(releases[1]);
    expect(fs.readdirSync(releasePaths(dist).work)).toEqual([]);
    expect(fs.existsSync(releasePaths(dist).lock)).toBe(false);
  });

  it('publishes only the kinds of file the site serves: no .prerender, no source maps, no hidden files', () => {
    expect(unservedFiles(dist)).toEqual([]);
    const names = fs.readdirSync(dist, { recursive: true }).map(String);
    expect(names.filter((name) => /(^|\/)\.|\.map$|\.mjs$/.test(name))).toEqual([]);
    expect(names).toContain('index.html');
  });
});

describe('--dist never inside a site, nor above one, nor on another disk (issue 23)', () => {
  const dist = path.join(folder('inside'), 'dist');
  beforeAll(async () => {
    const first = await build(dist);
    expect(first.code, first.output).toBe(0);
  }, 300_000);

  // Issue 23: `--dist dist/sub` built a second site, and its .build/, inside the live release.
  it.each([
    ['inside the live site', () => path.join(dist, 'sub'), /is inside .*\.build\/, where builds keep their releases/],
    ['inside .build/', () => path.join(releasePaths(dist).base, 'local'), /is inside .*\.build\//],
    ['above the site', () => path.dirname(path.dirname(dist)), /holds this project's site|not a site this build made/],
    ['on another disk (/dev/shm)', () => path.join('/dev/shm', `ld-${crypto.randomUUID()}`, 'site'), /on another disk/],
  ])('refuses a --dist %s, with a plain message, and changes nothing', async (_, target, says) => {
    const site = path.dirname(dist);
    const before = treeHash(site);
    const { code, output } = await build(target());
    expect(code).toBe(1);
    expect(output).toMatch(says);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(treeHash(site)).toBe(before);
    expect(fs.existsSync(path.join(dist, 'sub'))).toBe(false);
    expect(fs.existsSync(path.join(dist, '.build'))).toBe(false);
    expect(fs.readdirSync('/dev/shm').filter((name) => name.startsWith('ld-') || name === '.build')).toEqual([]);
  });
});

describe('a full disk while finishing (issue 23)', () => {
  it('says so in plain words, without a stack, and leaves nothing behind but the lock it released', async () => {
    const dist = path.join(folder('full-disk'), 'dist');
    const inject = `--import=${path.resolve('e2e/support/full-disk.mjs')}`;
    const { code, output } = await build(dist, { NODE_OPTIONS: inject });
    expect(code, output).toBe(1);
    expect(output).toMatch(/Error: The disk is full \(write .*\.(gz|br)\)\. \[ENOSPC\]\n {2}Hint: Free some space/);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(output).toContain('There was no previous site');
    const paths = releasePaths(dist);
    expect(fs.existsSync(dist)).toBe(false);
    expect(fs.readdirSync(paths.work)).toEqual([]);
    expect(listReleases(paths)).toEqual([]);
    expect(fs.existsSync(paths.lock)).toBe(false);
  });
});

describe('a build that is stopped (17.3)', () => {
  const dist = path.join(folder('stopped'), 'dist');
  const paths = releasePaths(dist);

  it('SIGTERM to `npm run build` stops Astro too, removes its folder and leaves dist/ as it was', async () => {
    expect((await build(dist)).code).toBe(0);
    const before = treeHash(dist);
    const live = liveRelease(paths);
    const started = startBuild(dist);
    const outDir = await astroBuildingIn(paths.base);
    const tree = [started.child.pid!, ...descendants(started.child.pid!)];
    started.child.kill('SIGTERM');
    const ended = await started.ended;
    expect(ended.code === null ? ended.signal : ended.code).not.toBe(0);
    expect(ended.output).toContain('Stopping the build (SIGTERM).');
    await until(() => tree.every((pid) => !running(pid)), 'every process of the build has ended', 15_000);
    expect(processesWith(outDir)).toEqual([]);
    expect(fs.existsSync(outDir)).toBe(false);
    expect(fs.existsSync(paths.lock)).toBe(false);
    expect(liveRelease(paths)).toBe(live);
    expect(treeHash(dist)).toBe(before);
  });

  it('a build killed outright leaves no lock that stops the next, which cleans up after it', async () => {
    const before = treeHash(dist);
    const started = startBuild(dist);
    const outDir = await astroBuildingIn(paths.base);
    // The build's own process (npm execs it); SIGKILL cannot be caught, so nothing is cleaned up.
    const buildProcess = processesWith('cli/build.ts').find(
      (pid) => descendants(started.child.pid!).includes(pid) || pid === started.child.pid,
    );
    expect(buildProcess).toBeDefined();
    process.kill(buildProcess!, 'SIGKILL');
    await started.ended;
    // Astro, orphaned by SIGKILL (which no process can pass on), is ended here.
    for (const pid of processesWith(`--outDir\0${outDir}`)) process.kill(pid, 'SIGKILL');
    expect(treeHash(dist)).toBe(before);
    expect(fs.existsSync(paths.lock)).toBe(true);
    const next = await build(dist);
    expect(next.code, next.output).toBe(0);
    expect(next.output).not.toContain('Waiting for another build');
    expect(next.output).toContain('left by a build that was stopped');
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('puts back the last good site after a swap the build before releases left half-done, and keeps it when the next build fails', async () => {
    const root = folder('half-swapped');
    const old = releasePaths(path.join(root, 'dist'));
    // What a kill between the earlier build's two renames left: no dist/, the last good site in .build/previous.
    fs.cpSync(liveRelease(paths)!, path.join(old.base, 'previous'), { recursive: true });
    const good = treeHash(path.join(old.base, 'previous'));
    const broken = folder('broken-content');
    fs.cpSync(FIXTURE, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'bulletins/2015-04.md'), '---\ntitel: "Synthetic"\ndate: 2015-04-29\n---\n');
    const { code, output } = await build(old.dist, { CONTENT_DIR: broken });
    expect(code).toBe(1);
    expect(output).toContain('the previous site was put back');
    expect(output).toContain('was kept, unchanged.');
    expect(treeHash(old.dist)).toBe(good);
  });
});

describe('unchanged files keep their ETag and Last-Modified through nginx (17.12)', () => {
  it('answers a returning reader with 304 after a rebuild that changed nothing', async () => {
    const dist = path.join(folder('etag'), 'dist');
    expect((await build(dist)).code).toBe(0);
    const firstRelease = liveRelease(releasePaths(dist));
    const nginx = await startNginx({ root: dist });
    try {
      const css = fs.readdirSync(path.join(dist, '_astro')).find((name) => name.endsWith('.css'));
      const urls = [
        '/',
        '/bulletins/2015-04/',
        `/_astro/${css}`,
        '/bulletins/feed.xml',
        '/sitemap-index.xml',
        '/pagefind/pagefind.js',
      ];
      const head = (url: string, headers: Record<string, string> = {}) =>
        fetch(`${nginx.origin}${url}`, { headers: { 'accept-encoding': 'identity', ...headers } });
      const first = await Promise.all(urls.map((url) => head(url)));
      for (const response of first) expect(response.status).toBe(200);
      const tags = first.map((response) => response.headers.get('etag'));
      const modified = first.map((response) => response.headers.get('last-modified'));
      // A second later, so that a file written again without keeping its time would get another mtime.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await build(dist)).code).toBe(0);
      expect(liveRelease(releasePaths(dist))).not.toBe(firstRelease);
      const again = await Promise.all(urls.map((url) => head(url)));
      expect(again.map((response) => response.headers.get('etag'))).toEqual(tags);
      expect(again.map((response) => response.headers.get('last-modified'))).toEqual(modified);
      for (const [i, url] of urls.entries()) {
        expect((await head(url, { 'if-none-match': tags[i]! })).status, url).toBe(304);
        expect((await head(url, { 'if-modified-since': modified[i]! })).status, url).toBe(304);
      }
    } finally {
      await nginx.close();
    }
  });
});

describe('npm run serve:nginx (17.3)', () => {
  it('stops nginx when it is sent SIGTERM', async () => {
    const dist = path.join(work, 'etag', 'dist');
    const port = await freePort();
    const child: ChildProcess = spawn('npm', ['run', '--silent', 'serve:nginx', '--', dist], {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ended = new Promise((resolve) => child.on('close', resolve));
    await until(() => descendants(child.pid!).length >= 2, 'nginx has started', 15_000);
    let answered = false;
    for (let i = 0; i < 50 && !answered; i += 1) {
      answered = await fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.ok,
        () => false,
      );
      if (!answered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(answered).toBe(true);
    const tree = descendants(child.pid!);
    child.kill('SIGTERM');
    await ended;
    await until(() => tree.every((pid) => !running(pid)), 'nginx has stopped', 10_000);
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });
});
