import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from '../../scripts/nginx/runtime.ts';

const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'FORCE_TTY']);

/** Runs git in a folder, as a test's author. */
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=CMS test', '-c', 'user.email=cms-test@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

/** A temporary git repository with a copy of a fixture content folder in content/, committed on main. */
export function fixtureRepo(fixture: string): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-cms-repo-'));
  fs.cpSync(fixture, path.join(repo, 'content'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'Fixture content');
  return repo;
}

export interface Editor {
  origin: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm run edit` (cli/edit.ts) on a repository's content at a free port; resolves when /admin/ answers. */
export async function startEditor(repo: string, env: Record<string, string> = {}): Promise<Editor> {
  const port = await freePort();
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
  );
  const child = spawn(path.resolve('node_modules/.bin/node'), ['cli/edit.ts'], {
    env: { ...inherited, CONTENT_DIR: path.join(repo, 'content'), PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm run edit stopped:\n${log}`);
    const ok = await fetch(`${origin}/admin/config.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && log.includes('Press Ctrl+C')) break;
    if (Date.now() > deadline) throw new Error(`npm run edit did not start in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    origin,
    process: child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        // Ctrl+C, as an editor would.
        child.kill('SIGINT');
      }),
  };
}

/** Signs in to the CMS of a running editor (the local backend's Login button) and waits for its collections. */
export async function signIn(page: Page, origin: string): Promise<void> {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click();
  await page
    .getByRole('link', { name: /Bulletin issues/ })
    .first()
    .waitFor();
}

/** Saves the entry open in the CMS, then moves it through In review to Ready, each step seen in the repository. */
export async function saveAndMarkReady(page: Page, repo: string, branch: string): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => git(repo, 'branch', '--list', 'cms/*'), { timeout: 30_000 }).toContain(branch);
  await page.getByText('Status: Draft').click();
  await page.getByRole('menuitem', { name: 'In review' }).click();
  await markReady(page, repo, branch);
}

/** Moves the entry open in the CMS from In review to Ready, and waits until the repository says so. */
export async function markReady(page: Page, repo: string, branch: string): Promise<void> {
  await page.getByText('Status: In review').click();
  await page.getByRole('menuitem', { name: 'Ready' }).click();
  await page.getByText('Status: Ready').waitFor();
  await expect.poll(() => git(repo, 'config', `branch.${branch}.description`)).toBe('cms/pending_publish');
}

/**
 * Adds an Image block to the text and uploads `source` as `name` through the media library, as an editor
 * does (Add Component, Image, Choose an image, then Choose selected); the alt text is the caller's step.
 */
export async function uploadImage(page: Page, name: string, source: string): Promise<void> {
  await page.getByRole('button', { name: 'Add Component' }).click();
  await page.getByRole('menuitem', { name: 'Image' }).click();
  await page.getByRole('button', { name: 'Choose an image' }).click();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'image/png', buffer: fs.readFileSync(source) });
  await page.getByRole('button', { name: /Choose selected/i }).click();
}
