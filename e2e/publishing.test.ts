/**
 * Publishing, end to end through `npm run build` (cli/build.ts) on synthetic content
 * (e2e/fixtures/publishing): drafts and scheduled issues stay out of production builds, and a
 * build that fails leaves the published site byte for byte as it was.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = path.resolve('e2e/fixtures/publishing');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-publishing-'));
const dist = path.join(work, 'dist');

/** Runs the real build script, as `npm run build -- --dist <dir>` would. */
function build(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['cli/build.ts', '--dist', dist, ...args], {
    env: { ...process.env, SITE_URL: 'https://publishing.liaison-and-diversion.test', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Every file of a built site, as path => bytes. */
function files(dir: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      found.set(path.relative(dir, file), fs.readFileSync(file));
    }
  }
  return found;
}

/** A digest of every file's path and bytes: equal digests, equal trees. */
function treeHash(dir: string): string {
  const hash = crypto.createHash('sha256');
  for (const [name, bytes] of [...files(dir)].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${name}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** The built files that mention any of the strings, in any form (pages, feeds, sitemap, search index). */
function mentioning(dir: string, needles: string[]): string[] {
  return [...files(dir)].filter(([, bytes]) => needles.some((needle) => bytes.includes(needle))).map(([name]) => name);
}

const DRAFT = ['/bulletins/2015-05/', 'Synthetic DRAFT bulletin', 'SYNTHETIC-DRAFT-MARKER'];
const SCHEDULED = ['/bulletins/2015-07/', 'Synthetic SCHEDULED bulletin', 'SYNTHETIC-SCHEDULED-MARKER'];

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a production build on 10 May 2015', { timeout: 600_000 }, () => {
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build({ CONTENT_DIR: FIXTURE, BUILD_DATE: '2015-05-10' });
  }, 600_000);

  it('publishes the site', () => {
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('Published the new site to');
    expect(fs.existsSync(path.join(dist, 'bulletins/2015-04/index.html'))).toBe(true);
  });

  it('leaves the draft out of every page, feed, sitemap and search index', () => {
    expect(fs.existsSync(path.join(dist, 'bulletins/2015-05'))).toBe(false);
    expect(mentioning(dist, DRAFT)).toEqual([]);
  });

  it('leaves out the issue dated after the build', () => {
    expect(fs.existsSync(path.join(dist, 'bulletins/2015-07'))).toBe(false);
    expect(mentioning(dist, SCHEDULED)).toEqual([]);
  });

  it('shows the call to action as open before it closes', () => {
    const page = fs.readFileSync(path.join(dist, 'bulletins/2015-04/index.html'), 'utf8');
    expect(page).toContain('data-call-to-action="open"');
    expect(page).toContain('href="https://example.org/survey"');
    expect(page).toContain('Closes on 15 May 2015.');
  });

  it('never shows the preview banner', () => {
    expect(mentioning(dist, ['data-unpublished'])).toEqual([]);
  });
});

describe('a failed build', { timeout: 600_000 }, () => {
  it('leaves dist/ byte for byte unchanged when the content has errors', () => {
    expect(fs.existsSync(dist)).toBe(true);
    const before = treeHash(dist);
    const broken = path.join(work, 'broken-content');
    fs.cpSync(FIXTURE, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'bulletins/2015-04.md'), '---\ntitel: "Synthetic"\ndate: 2015-04-29\n---\n');
    const { code, output } = build({ CONTENT_DIR: broken, BUILD_DATE: '2015-05-10' });
    expect(code).toBe(1);
    expect(output).toContain('`titel` is not a field of a bulletin.');
    expect(output).toContain('was kept, unchanged.');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(treeHash(dist)).toBe(before);
  });

  it('leaves dist/ byte for byte unchanged when an email edition is too big for Gmail', () => {
    const before = treeHash(dist);
    const long = path.join(work, 'long-content');
    fs.cpSync(FIXTURE, long, { recursive: true });
    const issue = path.join(long, 'bulletins/2015-04.md');
    fs.appendFileSync(issue, `\n${'Synthetic words for a synthetic issue far too long to email. '.repeat(2_000)}\n`);
    const { code, output } = build({ CONTENT_DIR: long, BUILD_DATE: '2015-05-10' });
    expect(code).toBe(1);
    expect(output).toMatch(/The email edition of bulletins\/2015-04 is \d+ KB, over the 102 KB/);
    expect(output).toContain('The site could not be finished');
    expect(output).toContain('was kept, unchanged.');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(treeHash(dist)).toBe(before);
  });

  it('leaves dist/ byte for byte unchanged when Astro fails', () => {
    const before = treeHash(dist);
    const { code, output } = build(
      { CONTENT_DIR: FIXTURE, BUILD_DATE: '2015-05-10' },
      '--config',
      'does-not-exist.config.mjs',
    );
    expect(code).toBe(1);
    expect(output).toContain('The build failed');
    expect(output).toContain('was kept, unchanged.');
    expect(treeHash(dist)).toBe(before);
  });
});

describe('a production build on 27 July 2015', { timeout: 600_000 }, () => {
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build({ CONTENT_DIR: FIXTURE, BUILD_DATE: '2015-07-27' });
  }, 600_000);

  it('publishes the scheduled issue on its date, and still not the draft', () => {
    expect(result.code, result.output).toBe(0);
    expect(fs.existsSync(path.join(dist, 'bulletins/2015-07/index.html'))).toBe(true);
    expect(mentioning(dist, DRAFT)).toEqual([]);
  });

  it('shows the call to action as closed after it closes', () => {
    const page = fs.readFileSync(path.join(dist, 'bulletins/2015-04/index.html'), 'utf8');
    expect(page).toContain('data-call-to-action="closed"');
    expect(page).toContain('This closed on 15 May 2015.');
    expect(page).not.toContain('href="https://example.org/survey"');
  });
});
