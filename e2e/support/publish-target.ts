import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The public address the publishing tests build for; browsers never reach it (tests answer it themselves). */
export const PUBLISH_SITE_URL = 'https://publishing.liaison-and-diversion.test';

export interface FolderTarget {
  /** The folder a server would serve from: releases go in beside `current`. */
  target: string;
  /** The live release, once something is published. */
  current: string;
  /** The publishing settings file. */
  config: string;
  /** `npm run edit`'s environment for publishing there (PUBLISH_CONFIG and friends). */
  env: Record<string, string>;
  remove: () => void;
}

/** An empty folder publish target in a temporary folder, with its settings written as in deploy/publish.yaml. */
export function folderTarget(): FolderTarget {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-publish-target-'));
  const target = path.join(work, 'server');
  const config = path.join(work, 'publish.yaml');
  fs.mkdirSync(target);
  fs.writeFileSync(config, `target:\n  type: folder\n  path: ${target}\nkeep: 2\n`);
  return {
    target,
    current: path.join(target, 'current'),
    config,
    env: {
      BUILD_DATE: '2015-06-01',
      SITE_URL: PUBLISH_SITE_URL,
      PUBLISH_CONFIG: config,
      PUBLISH_STATUS_FILE: path.join(work, 'status.json'),
    },
    remove: () => fs.rmSync(work, { recursive: true, force: true }),
  };
}

/**
 * Clicks Publish now on an entry the CMS shows as Ready, and waits for the admin page's status line to go
 * from "Publishing: started at …" to "Live: the site was published at …" (a whole build: minutes).
 */
export async function publishNow(page: Page): Promise<void> {
  await page.getByText('Publish', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publish now' }).click();
  const status = page.locator('#publish-status');
  // A failure ends the wait at once, and the last line shows its reason as the editor reads it.
  await status.getByText(/^(Publishing: started at \d\d:\d\d\.|Publishing failed)/).waitFor({ timeout: 30_000 });
  await status.getByText(/^(Live|Publishing failed)/).waitFor({ timeout: 400_000 });
  expect(await status.textContent()).toMatch(/^Live: the site was published at \d\d:\d\d\.$/);
}
