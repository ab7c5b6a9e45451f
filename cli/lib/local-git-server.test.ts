import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalGitServer, type LocalGitServer } from './local-git-server.ts';

/**
 * decap-server behind our guard, asked through its own API (POST /api/v1) from the editor's origin, as a
 * script on the dev server could (issue 23, item 2): it reads and writes the content folder and nothing
 * else. The repository is SYNTHETIC, made here.
 */
const ORIGIN = 'http://127.0.0.1:4321';
let repo: string;
let server: LocalGitServer;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();

beforeAll(async () => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-backend-'));
  for (const [file, text] of Object.entries({
    'content/bulletins/2015-05.md': '---\ntitle: Synthetic\n---\n\nSynthetic.\n',
    'src/pages/index.astro': '<p>Synthetic</p>\n',
    'package.json': '{}\n',
    '.env': 'SYNTHETIC_SECRET=1\n',
  })) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  }
  fs.symlinkSync('../src', path.join(repo, 'content/linked'));
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  git('-c', 'user.name=Synthetic', '-c', 'user.email=synthetic@example.org', 'add', '-A');
  git('-c', 'user.name=Synthetic', '-c', 'user.email=synthetic@example.org', 'commit', '-qm', 'Synthetic');
  git('config', 'user.name', 'Synthetic');
  git('config', 'user.email', 'synthetic@example.org');
  server = await startLocalGitServer(repo, path.join(repo, 'content'));
  await server.open(ORIGIN);
});

afterAll(async () => {
  await server?.close();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

const ask = async (action: string, params: Record<string, unknown>) => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify({ action, params: { branch: 'main', ...params } }),
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
};
/** A real picture's bytes, under any name. */
const PNG = fs.readFileSync('public/assets/images/nhsuk-icon-180.png');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const asset = (file: string, bytes: Buffer = PNG) => ({
  path: file,
  content: bytes.toString('base64'),
  encoding: 'base64',
});
const options = { commitMessage: 'Synthetic upload' };
const entry = (file: string, extra: Record<string, unknown> = {}) => ({
  entry: { slug: 'x', path: file, raw: '---\ntitle: x\n---\n', ...extra },
  assets: [],
  options: { collectionName: 'bulletins', commitMessage: 'Synthetic entry', useWorkflow: false, status: 'draft' },
});

describe('the CMS’s local backend writes only content', () => {
  it.each([
    ['a page of the site', 'persistMedia', { asset: asset('src/pages/pwned.md'), options }],
    ['a file at the root', 'persistMedia', { asset: asset('pwned.md'), options }],
    ['out of content/ with ..', 'persistMedia', { asset: asset('content/../src/pages/pwned.md'), options }],
    [
      'out of content/ with backslashes',
      'persistMedia',
      { asset: asset('content\\..\\src\\pages\\pwned.md'), options },
    ],
    ['through a link in content/ to src/', 'persistMedia', { asset: asset('content/linked/pages/pwned.md'), options }],
    ['a hidden file in content/', 'persistMedia', { asset: asset('content/.gitattributes'), options }],
    ['a git hook', 'persistMedia', { asset: asset('.git/hooks/post-commit'), options }],
    ['a script in content/', 'persistMedia', { asset: asset('content/bulletins/images/x.js'), options }],
    ['an SVG picture', 'persistMedia', { asset: asset('content/bulletins/images/map.svg'), options }],
    ['an SVG renamed .png', 'persistMedia', { asset: asset('content/bulletins/images/map.png', SVG), options }],
    [
      'an SVG renamed .png with an entry',
      'persistEntry',
      { ...entry('content/bulletins/x.md'), assets: [asset('content/bulletins/images/map.png', SVG)] },
    ],
    ['an entry outside content/', 'persistEntry', entry('src/pages/pwned.md')],
    ['an entry moved out of content/', 'persistEntry', entry('content/bulletins/x.md', { newPath: 'src/pages/x.md' })],
    [
      'a picture with an entry, outside content/',
      'persistEntry',
      { ...entry('content/bulletins/x.md'), assets: [asset('public/x.png')] },
    ],
    ['deleting package.json', 'deleteFile', { path: 'package.json', options }],
    [
      'deleting files, one outside',
      'deleteFiles',
      { paths: ['content/bulletins/2015-05.md', 'package.json'], options },
    ],
    ['reading .env', 'getMediaFile', { path: '.env' }],
    ['reading src/', 'entriesByFolder', { folder: 'src/pages', extension: 'astro', depth: 1 }],
  ])('refuses %s, with a message, and writes and commits nothing', async (_name, action, params) => {
    const head = git('rev-parse', 'HEAD');
    const { status, body } = await ask(action, params);
    expect(status).toBe(403);
    expect(body.error).toMatch(
      /content folder \(content\/\)|hidden file|not an entry|SVG pictures are not accepted|not a PNG/,
    );
    expect(git('rev-parse', 'HEAD')).toBe(head);
    expect(git('status', '--porcelain')).toBe('');
    expect(fs.existsSync(path.join(repo, 'src/pages/pwned.md'))).toBe(false);
    expect(fs.existsSync(path.join(repo, 'package.json'))).toBe(true);
  });

  it('saves a picture and an entry in the content folder, and reads them back', async () => {
    const saved = await ask('persistMedia', { asset: asset('content/bulletins/images/chart.png'), options });
    expect(saved.status).toBe(200);
    expect(fs.readFileSync(path.join(repo, 'content/bulletins/images/chart.png')).equals(PNG)).toBe(true);
    expect(git('log', '-1', '--format=%s')).toBe('Synthetic upload');
    expect((await ask('persistEntry', entry('content/bulletins/2015-06.md'))).status).toBe(200);
    expect(fs.existsSync(path.join(repo, 'content/bulletins/2015-06.md'))).toBe(true);
    const read = await ask('entriesByFolder', { folder: 'content/bulletins', extension: 'md', depth: 1 });
    expect(read.status).toBe(200);
  });
});
