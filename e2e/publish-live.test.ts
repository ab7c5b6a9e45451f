/**
 * Publish means live (issue 26): under `npm run edit` with a folder target in the publishing settings,
 * "Publish now" in the CMS merges into main, the publishing service (cli/lib/publish-on-change.ts)
 * runs `npm run publish`, and the new issue is served by nginx from the target; the admin page shows
 * where publishing stands, from "Publishing" to "Live: the site was published at …". The same service
 * as `npm run publish:service` (a server of our own) publishes a repository's main when it starts and
 * each time main moves.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginx } from '../scripts/nginx/runtime.ts';
import { launchBrowser } from './support/browser.ts';
import { fixtureRepo, git, saveAndMarkReady, signIn, startEditor, type Editor } from './support/editor.ts';
import { folderTarget, publishNow, type FolderTarget } from './support/publish-target.ts';

let publishing: FolderTarget;
let repo: string;
let editor: Editor;
let browser: Browser;

beforeAll(async () => {
  publishing = folderTarget();
  repo = fixtureRepo('e2e/fixtures/content');
  [editor, browser] = await Promise.all([startEditor(repo, publishing.env), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await editor?.stop();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
  publishing?.remove();
});

describe('Publish now under npm run edit, with a folder target', () => {
  it('puts the new issue live on the target, and the editor sees it go live', { timeout: 600_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, editor.origin);
    await page.goto(`${editor.origin}/admin/#/collections/bulletins/new`);
    await page.getByLabel('Title', { exact: true }).fill('Synthetic Bulletin: March 2015');
    await expect.poll(() => page.getByLabel('Date of the issue').inputValue()).toBe('25/03/2015');
    await page.getByLabel('Summary').fill('A synthetic issue published live through the CMS by a test.');
    await page.locator('[data-slate-editor]').last().click();
    await page.keyboard.insertText('The first synthetic paragraph published live.');
    await saveAndMarkReady(page, repo, 'cms/bulletins/2015-03');
    // Nothing was published by starting the editor, saving a draft or reviewing it.
    expect(fs.existsSync(publishing.current)).toBe(false);
    await publishNow(page);
    await page.close();

    const live = JSON.parse(fs.readFileSync(path.join(publishing.current, 'admin/publish-status.json'), 'utf8'));
    expect(live).toMatchObject({ state: 'live', commit: git(repo, 'rev-parse', 'main') });
    const nginx = await startNginx({ root: publishing.current });
    try {
      const response = await fetch(`${nginx.origin}/bulletins/2015-03/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Synthetic Bulletin: March 2015');
      expect((await fetch(`${nginx.origin}/admin/publish-status.json`)).status).toBe(200);
    } finally {
      await nginx.close();
    }
    expect(editor.output()).toContain(`Publish now in the editor also puts the site live at ${publishing.target}`);
    expect(editor.output()).toContain('publishing it.');
  });
});

describe('npm run publish:service, for a server of our own', () => {
  it('publishes main when it starts and each time main moves, and stops cleanly', { timeout: 600_000 }, async () => {
    const serviceRepo = fixtureRepo('e2e/fixtures/content');
    const served = folderTarget();
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL'].includes(key) && !key.startsWith('VITEST'),
      ),
    );
    const service = spawn(
      path.resolve('node_modules/.bin/node'),
      ['cli/publish-service.ts', '--repo', serviceRepo, '--config', served.config],
      {
        env: { ...env, ...served.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    service.stdout!.on('data', (chunk) => (log += chunk));
    service.stderr!.on('data', (chunk) => (log += chunk));
    const status = () => {
      try {
        return JSON.parse(fs.readFileSync(path.join(served.current, 'admin/publish-status.json'), 'utf8'));
      } catch {
        return undefined;
      }
    };
    try {
      const first = git(serviceRepo, 'rev-parse', 'main');
      const standing = () => `${status()?.state} ${status()?.commit}`;
      await expect.poll(standing, { timeout: 300_000, interval: 1000 }).toBe(`live ${first}`);
      fs.writeFileSync(
        path.join(serviceRepo, 'content/bulletins/2015-03.md'),
        "---\ntitle: 'Synthetic bulletin: March 2015'\ndate: 2015-03-25\nsummary: 'A synthetic issue the publishing service puts live.'\n---\n\nSynthetic words.\n",
      );
      git(serviceRepo, 'add', '.');
      git(serviceRepo, 'commit', '-q', '-m', 'Synthetic March issue');
      const second = git(serviceRepo, 'rev-parse', 'main');
      await expect.poll(standing, { timeout: 300_000, interval: 1000 }).toBe(`live ${second}`);
      expect(fs.existsSync(path.join(served.current, 'bulletins/2015-03/index.html'))).toBe(true);
    } finally {
      const exited = new Promise((resolve) => service.once('exit', (code) => resolve(code)));
      service.kill('SIGTERM');
      expect(await exited, log).toBe(0);
      fs.rmSync(serviceRepo, { recursive: true, force: true });
      served.remove();
    }
    expect(log).toContain('publishing it.');
  });
});
