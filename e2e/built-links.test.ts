/**
 * Links checked on the built site, end to end through `npm run build` (cli/build.ts) on a copy of the
 * synthetic publishing content (e2e/fixtures/publishing) with broken links written into an issue: the
 * build stops before the swap, names the file and line of each, and leaves the published site as it was.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = path.resolve('e2e/fixtures/publishing');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-built-links-'));
const dist = path.join(work, 'dist');
const content = path.join(work, 'content');

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('a build whose content links to pages and clauses that do not exist', { timeout: 600_000 }, () => {
  let code: number | null;
  let output: string;
  beforeAll(() => {
    fs.cpSync(FIXTURE, content, { recursive: true });
    const issue = path.join(content, 'bulletins/2015-04.md');
    fs.appendFileSync(
      issue,
      [
        '',
        // Line numbers below are those of these lines in the copied issue.
        'See [clause 99.99](/specification/#clause-99-99) on the generated contents page.',
        '',
        'And [the synthetic clause](/specification/about-this-specification/#clause-1-9), and [the May issue](/bulletins/2015-05/).',
        '',
      ].join('\n'),
    );
    const result = spawnSync(process.execPath, ['cli/build.ts', '--dist', dist], {
      env: {
        ...process.env,
        SITE_URL: 'https://links.liaison-and-diversion.test',
        CONTENT_DIR: content,
        BUILD_DATE: '2015-05-10',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    code = result.status;
    output = `${result.stdout}\n${result.stderr}`;
  }, 600_000);

  it('fails, and publishes nothing', () => {
    expect(code).toBe(1);
    // Nothing was published: a build stopped by a broken link never makes `dist` (a link to a release).
    expect(fs.existsSync(dist)).toBe(false);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('names the file and line of a link to a clause missing from a generated page', () => {
    const lines = fs.readFileSync(path.join(content, 'bulletins/2015-04.md'), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('#clause-99-99')) + 1;
    expect(output).toContain(`content/bulletins/2015-04.md:${line}`);
    expect(output).toContain(
      'The link [clause 99.99](/specification/#clause-99-99) goes to #clause-99-99 on /specification/',
    );
    expect(output).not.toMatch(/did you mean #?clause-9/i);
  });

  it('suggests the clause the link’s words name, and says when the page is an unpublished issue', () => {
    expect(output).toContain('Change the link to /specification/about-this-specification/#clause-1-1.');
    expect(output).toMatch(/goes to \/bulletins\/2015-05\/, which is not on the site: \S*2015-05\.md is a draft/);
  });
});
