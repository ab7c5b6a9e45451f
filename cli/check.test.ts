import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContent } from './lib/testing/content-fixture.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run check` on synthetic content. */
function check(files: Record<string, string | null>, env: Record<string, string> = {}, args: string[] = []) {
  const dir = makeContent(files);
  made.push(dir);
  const result = spawnSync(process.execPath, ['cli/check.ts', ...args], {
    env: { ...process.env, CONTENT_DIR: dir, BUILD_DATE: '2015-06-01', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}`.replaceAll(dir, 'content') };
}

describe('npm run check', { timeout: 30_000 }, () => {
  it('exits 0 on good content, and still 0 when there are only warnings', () => {
    expect(check({})).toEqual({ code: 0, output: 'Checked 9 files: no problems.\n' });
    const warned = check({}, { BUILD_DATE: '2016-02-01' });
    expect(warned.code).toBe(0);
    expect(warned.output).toContain('Checked 9 files: 1 warning. Warnings do not stop the build.');
  });

  it('spells content, except for the build (--no-spelling), where a slip is no reason to wait or stop', () => {
    const slip = { 'data/glossary.yaml': '- term: "Synthetic"\n  definition: "A wrod misspelt on purpose."\n' };
    expect(check(slip).output).toContain('wrod');
    expect(check(slip, {}, ['--no-spelling']).output).not.toContain('wrod');
  });

  it('exits 1 on an error, with the problem and no stack trace', () => {
    const { code, output } = check({ 'bulletins/2015-04.md': '---\ntitle: "x"\n---\n\nText.\n' });
    expect(code).toBe(1);
    expect(output).toContain('Error: content/bulletins/2015-04.md:1  field `date`');
    expect(output).toContain('Fix the errors above, then run `npm run check` again.');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('says what is wrong with a BUILD_DATE that is not a date', () => {
    const { code, output } = check({}, { BUILD_DATE: 'tomorrow' });
    expect(code).toBe(1);
    expect(output).toContain('Error: BUILD_DATE="tomorrow" is not a date.');
  });

  it('says when the content folder is not there', () => {
    const result = spawnSync(process.execPath, ['cli/check.ts'], {
      env: { ...process.env, CONTENT_DIR: '/nonexistent/content' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('/nonexistent/content has no content: the folder does not exist.');
  });
});
