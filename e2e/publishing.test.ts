/**
 * Publishing, end to end through `npm run build` (cli/build.ts) and `npm run publish` (cli/publish.ts)
 * on synthetic content (e2e/fixtures/publishing): drafts and scheduled issues stay out of production
 * builds; a build that fails leaves the published site byte for byte as it was; publishing to a folder
 * target (the same script an ssh target runs) makes a release live, refuses a failing build, and rolls
 * back in one command, as nginx serving the target shows.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx } from '../scripts/nginx/runtime.ts';
import { startSshd, type TestSshd } from './support/sshd.ts';

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
    // No CMS_REPO: the site is built without /admin/, and the output says so (issue 26).
    expect(result.output).toContain('/admin/ was left out of this build');
    expect(fs.existsSync(path.join(dist, 'admin'))).toBe(false);
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

/** Runs `npm run publish` as an editor would, with the settings in `config` and the build in its own folder. */
function runPublish(config: string, publishDist: string, env: Record<string, string>, args: string[]) {
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'publish', '--', '--config', config, '--dist', publishDist, ...args],
    {
      env: {
        ...process.env,
        SITE_URL: 'https://publishing.liaison-and-diversion.test',
        CONTENT_DIR: FIXTURE,
        ...env,
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('npm run publish to a folder target', { timeout: 600_000 }, () => {
  const target = path.join(work, 'server');
  const publishDist = path.join(work, 'publish', 'site');
  const config = path.join(work, 'publish.yaml');
  const statusFile = path.join(work, 'publish-status.json');

  const publishSite = (env: Record<string, string>, ...args: string[]) => runPublish(config, publishDist, env, args);
  const live = () => fs.readlinkSync(path.join(target, 'current'));

  it('says who to ask, and builds nothing, while no target is set', () => {
    fs.writeFileSync(config, '# No target yet.\nkeep: 3\n');
    const { code, output } = publishSite({ BUILD_DATE: '2015-05-10' });
    expect(code).toBe(1);
    expect(output).toContain('publishing is not set up for this copy of the project');
    expect(output).toContain('Nothing was built or published.');
    expect(fs.existsSync(publishDist)).toBe(false);
  });

  it('names the file and the field of a wrong setting', () => {
    fs.writeFileSync(config, 'target:\n  type: folder\n  path: relative/folder\n');
    const { code, output } = publishSite({ BUILD_DATE: '2015-05-10' });
    expect(code).toBe(1);
    expect(output).toContain(`${config} has settings publishing cannot use:`);
    expect(output).toContain('target.path: Expected an absolute folder');
  });

  it('finds a missing target folder before it builds anything', () => {
    fs.writeFileSync(config, `target:\n  type: folder\n  path: ${target}\nkeep: 1\n`);
    const { code, output } = publishSite({ BUILD_DATE: '2015-05-10', PUBLISH_STATUS_FILE: statusFile });
    expect(code).toBe(1);
    expect(output).toContain(`The target folder ${target} does not exist.`);
    expect(output).toContain('Nothing was built or published.');
    expect(output).not.toContain('dist');
    expect(fs.existsSync(publishDist)).toBe(false);
    expect(JSON.parse(fs.readFileSync(statusFile, 'utf8'))).toMatchObject({ state: 'failed' });
  });

  it('publishes, refuses a failing build, and rolls back in one command', async () => {
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(config, `target:\n  type: folder\n  path: ${target}\nkeep: 1\n`);
    const may = publishSite({ BUILD_DATE: '2015-05-10', PUBLISH_COMMIT: 'synthetic-commit' });
    expect(may.code, may.output).toBe(0);
    expect(may.output).toMatch(/Published: release \S+ is live at /);
    // It speaks of the target, never of a local dist/ folder.
    expect(may.output).toContain(`for ${target}.`);
    expect(may.output).not.toContain('Published the new site to');
    const first = live();
    // Where publishing stands, beside the live pages, for the CMS.
    expect(JSON.parse(fs.readFileSync(path.join(target, 'current/admin/publish-status.json'), 'utf8'))).toMatchObject({
      state: 'live',
      release: path.basename(first),
      commit: 'synthetic-commit',
    });
    expect(first).toMatch(/^releases\/\d{8}T\d{9}Z-\d+$/);

    const broken = path.join(work, 'publish-broken');
    fs.cpSync(FIXTURE, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'bulletins/2015-04.md'), '---\ntitel: "Synthetic"\ndate: 2015-04-29\n---\n');
    const refused = publishSite({ BUILD_DATE: '2015-07-27', CONTENT_DIR: broken });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('the build did not succeed (see above), so nothing was published.');
    expect(live()).toBe(first);
    const failed = JSON.parse(fs.readFileSync(path.join(target, 'current/admin/publish-status.json'), 'utf8'));
    expect(failed).toMatchObject({ state: 'failed' });
    expect(failed.reason).toContain('This field is missing.');

    const july = publishSite({ BUILD_DATE: '2015-07-27' });
    expect(july.code, july.output).toBe(0);
    const second = live();
    expect(second).not.toBe(first);
    // Files the July build did not change kept the May release's time on the server, so their ETag.
    const css = fs.readdirSync(path.join(target, second, '_astro')).find((name) => name.endsWith('.css'))!;
    expect(fs.statSync(path.join(target, second, '_astro', css)).mtimeMs).toBe(
      fs.statSync(path.join(target, first, '_astro', css)).mtimeMs,
    );

    const nginx = await startNginx({ root: path.join(target, 'current') });
    try {
      expect((await fetch(`${nginx.origin}/bulletins/2015-07/`)).status).toBe(200);
      const back = publishSite({}, '--rollback');
      expect(back.code, back.output).toBe(0);
      expect(back.output).toContain(`Rolled back: release ${path.basename(first)} is live again`);
      expect(live()).toBe(first);
      expect((await fetch(`${nginx.origin}/bulletins/2015-07/`)).status).toBe(404);
      expect((await fetch(`${nginx.origin}/bulletins/2015-04/`)).status).toBe(200);
    } finally {
      await nginx.close();
    }

    const further = publishSite({}, '--rollback');
    expect(further.code).toBe(1);
    expect(further.output).toContain('There is no release older than the live one');
    expect(live()).toBe(first);
    const status = publishSite({}, '--status');
    expect(status.output).toContain(`${path.basename(first)} live`);
    expect(status.output).toContain(path.basename(second));
  });
});

describe('npm run publish over ssh, to a server on 127.0.0.1', { timeout: 600_000 }, () => {
  const target = path.join(work, 'ssh-server');
  const publishDist = path.join(work, 'ssh', 'site');
  const config = path.join(work, 'ssh-publish.yaml');
  let sshd: TestSshd;
  beforeAll(async () => {
    sshd = await startSshd(path.join(work, 'sshd'));
    fs.mkdirSync(target);
    fs.writeFileSync(config, `target:\n  type: ssh\n  host: ${sshd.host}\n  path: ${target}\nkeep: 2\n`);
  });
  afterAll(() => sshd?.close());

  const publishSite = (env: Record<string, string>, ...args: string[]) =>
    runPublish(config, publishDist, { PATH: `${sshd.bin}:${process.env.PATH}`, ...env }, args);
  const live = () => fs.readlinkSync(path.join(target, 'current'));

  it('sends each release, makes it live with the link, and rolls back', () => {
    const may = publishSite({ BUILD_DATE: '2015-05-10' });
    expect(may.code, may.output).toBe(0);
    expect(may.output).toContain(`is live at ${sshd.host}:${target}`);
    const first = live();
    expect(fs.existsSync(path.join(target, first, 'bulletins/2015-04/index.html'))).toBe(true);
    const july = publishSite({ BUILD_DATE: '2015-07-27' });
    expect(july.code, july.output).toBe(0);
    expect(fs.existsSync(path.join(target, 'current/bulletins/2015-07/index.html'))).toBe(true);
    const back = publishSite({}, '--rollback');
    expect(back.code, back.output).toBe(0);
    expect(live()).toBe(first);
    expect(fs.existsSync(path.join(target, 'current/bulletins/2015-07/index.html'))).toBe(false);
  });

  it('says the server cannot be reached, before building anything', () => {
    fs.writeFileSync(config, `target:\n  type: ssh\n  host: nobody@no-such-host.invalid\n  path: ${target}\n`);
    const before = live();
    const releasesBefore = fs.readdirSync(path.join(work, '.build/releases'));
    const { code, output } = publishSite({ BUILD_DATE: '2015-05-10' });
    expect(code).toBe(1);
    // Found before the build, in seconds: no new release was built.
    expect(fs.readdirSync(path.join(work, '.build/releases'))).toEqual(releasesBefore);
    expect(output).toContain('The server nobody@no-such-host.invalid could not be reached over ssh');
    expect(output).toContain('Nothing was built or published.');
    expect(live()).toBe(before);
  });
});
