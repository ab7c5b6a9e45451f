import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../src/content-rules/check-content.ts';
import { makeContent } from './lib/testing/content-fixture.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A synthetic content folder whose newest issue is dated `date`. */
function contentWithIssue(date: string): string {
  const month = date.slice(0, 7);
  const dir = makeContent({
    [`bulletins/${month}.md`]: `---\ntitle: "Synthetic"\ndate: ${date}\nsummary: "Synthetic."\n---\n\nText.\n`,
  });
  made.push(dir);
  return dir;
}

/** Runs `npm run new:bulletin` as an editor would, without a terminal. */
function run(contentDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['cli/new-bulletin.ts', ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir, BUILD_DATE: '2026-01-01' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, out: result.stdout.replaceAll(contentDir, '<content>'), err: result.stderr };
}

const files = (dir: string) => fs.readdirSync(path.join(dir, 'bulletins')).sort();

// Each test starts Node once or twice: allow for a busy two-core machine.
describe('npm run new:bulletin', { timeout: 30_000 }, () => {
  it('proposes May 2015 after April 2015: monthly until the cadence changes', () => {
    const dir = contentWithIssue('2015-04-29');
    const { code, out } = run(dir, '--yes');
    expect(code).toBe(0);
    expect(out).toContain('Wrote <content>/bulletins/2015-05.md');
    expect(out).toContain('http://127.0.0.1:4321/bulletins/2015-05/');
    expect(fs.readFileSync(path.join(dir, 'bulletins/2015-05.md'), 'utf8')).toContain('date: 2015-05-29');
  });

  it('proposes July 2015 after May 2015: every two months after the change', () => {
    const dir = contentWithIssue('2015-05-27');
    const { out } = run(dir, '--yes');
    expect(out).toContain('Wrote <content>/bulletins/2015-07.md');
    const text = fs.readFileSync(path.join(dir, 'bulletins/2015-07.md'), 'utf8');
    expect(text).toContain('title: "Liaison and Diversion Bulletin: July 2015"');
    expect(text).toContain('date: 2015-07-27');
  });

  it('takes the date and title from flags', () => {
    const dir = contentWithIssue('2015-05-27');
    const { code } = run(dir, '--date', '2015-08-03', '--title', 'Synthetic: August', '--yes');
    expect(code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'bulletins/2015-08.md'), 'utf8');
    expect(text).toContain('title: "Synthetic: August"');
    expect(text).toContain('date: 2015-08-03');
  });

  it('writes a draft the check accepts, with only the reminders a draft gets', () => {
    const dir = contentWithIssue('2015-05-27');
    run(dir, '--yes');
    const { problems } = checkContent({
      contentDir: dir,
      root: process.cwd(),
      buildDate: new Date('2015-06-01'),
    });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'The summary is still the placeholder from `npm run new:bulletin`.',
      'The issue has no text yet. It is unpublished, so this does not stop the build.',
    ]);
  });

  it('shows the file in a dry run and writes nothing', () => {
    const dir = contentWithIssue('2015-05-27');
    const before = files(dir);
    const { code, out } = run(dir, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('Dry run: nothing was written.');
    expect(out).toContain('date: 2015-07-27');
    expect(files(dir)).toEqual(before);
  });

  it('refuses to overwrite an issue, as .md or .mdx, and writes nothing', () => {
    const dir = contentWithIssue('2015-05-27');
    fs.writeFileSync(path.join(dir, 'bulletins/2015-07.mdx'), 'kept');
    const { code, err } = run(dir, '--date', '2015-07-01', '--yes');
    expect(code).toBe(1);
    expect(err).toContain('already exists: there is an issue for 2015-07. Nothing was written.');
    expect(fs.readFileSync(path.join(dir, 'bulletins/2015-07.mdx'), 'utf8')).toBe('kept');
    expect(files(dir)).toEqual(['2015-04.md', '2015-05.md', '2015-07.mdx']);
  });

  it('rejects a date that is not YYYY-MM-DD, and an unknown flag, without a stack trace', () => {
    const dir = contentWithIssue('2015-05-27');
    const bad = run(dir, '--date', '2015-02-30', '--yes');
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toBe('Error: --date: 2015-02-30 is not a day of the calendar.');
    const unknown = run(dir, '--dat', '2015-07-01');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('`--dat` is not an option of npm run new:bulletin.');
    expect(unknown.err).not.toMatch(/\n\s+at /);
  });

  it('starts the first issue on the build date when there is none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-empty-'));
    made.push(dir);
    const { out } = run(dir, '--yes');
    expect(out).toContain('Wrote <content>/bulletins/2026-01.md');
  });
});
