import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionEnv } from './support/build.ts';

// The cache-correctness gate: a build that reuses the last build's pages (Astro's incremental build, and
// the compressed copies taken from the live site) must write exactly what a cold build of the same
// content writes. Two copies of the project (node_modules shared) get the same change each time: one is
// rebuilt with `npm run build` as an editor would, the other built cold (`--force`, no earlier site);
// every file but Pagefind's index must then be the same, byte for byte.

const run = promisify(execFile);
const ROOT = path.resolve('.');
const PROJECT_FILES = [
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'public',
  'deploy',
  'cli',
];
const FIXTURE = path.join(ROOT, 'e2e/fixtures/content');
const env = { BUILD_DATE: '2026-01-01', SITE_URL: 'https://incremental.liaison-and-diversion.test' };

let work: string;
const copies = { incremental: '', cold: '' };

function makeProject(dir: string): void {
  for (const file of PROJECT_FILES) fs.cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  fs.cpSync(FIXTURE, path.join(dir, 'content'), { recursive: true });
}

async function build(project: string, args: string[] = []): Promise<void> {
  try {
    await run(path.join(ROOT, 'node_modules/.bin/node'), ['cli/build.ts', ...args], {
      cwd: project,
      env: { ...productionEnv(), ...env, CONTENT_DIR: path.join(project, 'content') },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`The build in ${project} failed:\n${stdout}${stderr}`, { cause: error });
  }
}

/** Every file of a built site but Pagefind's index, by path, with its bytes. */
function siteFiles(dist: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!file.startsWith('pagefind/')) files.set(file, fs.readFileSync(path.join(dist, file)));
  }
  return files;
}

/** Makes the same change in both copies, rebuilds one and cold-builds the other, and compares them. */
async function changeAndCompare(change: (project: string) => void): Promise<void> {
  change(copies.incremental);
  change(copies.cold);
  fs.rmSync(path.join(copies.cold, 'dist'), { recursive: true, force: true });
  fs.rmSync(path.join(copies.cold, '.build'), { recursive: true, force: true });
  await Promise.all([build(copies.incremental), build(copies.cold, ['--force'])]);
  const rebuilt = siteFiles(path.join(copies.incremental, 'dist'));
  const cold = siteFiles(path.join(copies.cold, 'dist'));
  expect([...rebuilt.keys()].sort()).toEqual([...cold.keys()].sort());
  const differing = [...cold].filter(([file, bytes]) => !rebuilt.get(file)?.equals(bytes)).map(([file]) => file);
  expect(differing, 'files whose bytes differ from a cold build').toEqual([]);
}

const edit = (file: string, from: string | RegExp, to: string) => (project: string) => {
  const full = path.join(project, file);
  const text = fs.readFileSync(full, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`The test's edit found nothing to change in ${file}.`);
  fs.writeFileSync(full, changed);
};

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-incremental-'));
  copies.incremental = path.join(work, 'incremental');
  copies.cold = path.join(work, 'cold');
  for (const dir of Object.values(copies)) makeProject(dir);
  await build(copies.incremental);
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('a rebuild that reuses the last build writes what a cold build writes', { timeout: 300_000 }, () => {
  it('after an issue changes (its title shows on its neighbour)', () =>
    changeAndCompare(
      edit('content/bulletins/2014-11.md', /title: '[^']*'/, "title: 'Synthetic bulletin: November 2014, retitled'"),
    ));

  it('after an issue is added', () =>
    changeAndCompare((project) =>
      fs.writeFileSync(
        path.join(project, 'content/bulletins/2015-03.md'),
        "---\ntitle: 'Synthetic bulletin: March 2015'\ndate: 2015-03-25\nsummary: 'A synthetic issue added by the incremental build test.'\ntopics: ['synthetic']\n---\n\nA synthetic issue. Nothing in it is true.\n",
      ),
    ));

  it('after an issue is deleted', () =>
    changeAndCompare((project) => fs.rmSync(path.join(project, 'content/bulletins/2014-11.md'))));

  it('after a specification clause is edited', () =>
    changeAndCompare(
      edit(
        'content/specification/2020/01-synthetic-scope.md',
        /(## 1\.2 [^\n]*\n\n)/,
        '$1An edited synthetic sentence. ',
      ),
    ));

  it('after a data file changes', () =>
    changeAndCompare(
      edit('content/data/glossary.yaml', /definition: '[^']*'/, "definition: 'An edited synthetic definition.'"),
    ));

  it('after a component changes', () =>
    changeAndCompare(
      edit(
        'src/components/Pagination.astro',
        '<span class="nhsuk-u-visually-hidden">: </span>',
        '<span class="nhsuk-u-visually-hidden"> – </span>',
      ),
    ));
});
