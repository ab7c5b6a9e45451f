import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { hosting } from './hosting.ts';

let outDir: string;
const warn = vi.fn();
const logger = { warn, info: vi.fn() } as unknown as AstroIntegrationLogger;

/** Runs the integration's hooks against a synthetic build in outDir, as `astro build` would. */
async function build(files: Record<string, string>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true });
    fs.writeFileSync(path.join(outDir, file), text);
  }
  const { hooks } = hosting();
  // The hooks need only these fields; the rest of Astro's arguments are not used.
  const setup = hooks['astro:config:setup'] as unknown as (o: object) => void;
  const done = hooks['astro:build:done'] as unknown as (o: object) => Promise<void> | void;
  setup({ config: { root: pathToFileURL(`${process.cwd()}/`) } });
  await done({ dir: pathToFileURL(`${outDir}/`), logger, pages: [], assets: new Map() });
}

const page = (body: string) => `<!doctype html><html lang="en"><title>Synthetic</title>${body}</html>`;
const site = {
  'index.html': page('<p>Home</p>'),
  'bulletins/index.html': page('<p>Bulletins</p>'),
  'bulletins/feed.xml': '<rss/>',
};

beforeEach(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-hosting-build-'));
  warn.mockClear();
});
afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('the hosting integration', () => {
  test('writes _headers and _redirects into the directory Astro built', async () => {
    await build(site);
    expect(fs.readFileSync(path.join(outDir, '_headers'), 'utf8')).toContain('/_astro/*\n  Cache-Control: public');
    expect(fs.readFileSync(path.join(outDir, '_redirects'), 'utf8')).toContain('/bulletin/ /bulletins/ 301');
    expect(warn).not.toHaveBeenCalled();
  });

  test('fails on inline script the policy would block, and writes nothing', async () => {
    await expect(build({ ...site, 'search/index.html': page('<script>go()</script>') })).rejects.toThrow(
      /inline code that the site's Content-Security-Policy blocks:\n<script> \('sha256-[^']+'\) in \/search\/: /,
    );
    expect(fs.existsSync(path.join(outDir, '_headers'))).toBe(false);
  });

  test('fails when a redirect would hide a page', async () => {
    await expect(build({ ...site, 'bulletin/index.html': page('<p>Oops</p>') })).rejects.toThrow(
      'deploy/redirects.yaml redirects /bulletin/, which the build has a page for: the redirect would hide the page.',
    );
  });

  test('warns when a redirect leads nowhere in this build', async () => {
    await build({ 'index.html': site['index.html'], 'bulletins/index.html': site['bulletins/index.html'] });
    expect(warn).toHaveBeenCalledWith(
      'deploy/redirects.yaml sends /feed/ to /bulletins/feed.xml, which this build does not have.',
    );
  });
});
