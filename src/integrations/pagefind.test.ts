import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { pagefindIndex } from './pagefind.ts';

type BuildDone = NonNullable<ReturnType<typeof pagefindIndex>['hooks']['astro:build:done']>;

/** Runs the integration's build:done hook as Astro would, on `dir`. */
async function runBuildDone(integration: ReturnType<typeof pagefindIndex>, dir: string, log: string[] = []) {
  const hook = integration.hooks['astro:build:done'] as BuildDone;
  const logger = { info: (m: string) => log.push(m), warn: (m: string) => log.push(m) };
  await hook({
    dir: pathToFileURL(`${dir}/`),
    logger,
    pages: [],
    assets: new Map(),
  } as unknown as Parameters<BuildDone>[0]);
}

const temp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-test-'));
  temp.push(dir);
  return dir;
}
afterEach(() => temp.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('pagefindIndex', () => {
  it('indexes only pages with data-pagefind-body, into the folder Astro built', async () => {
    const site = tempDir();
    fs.mkdirSync(path.join(site, 'page'));
    fs.writeFileSync(
      path.join(site, 'page', 'index.html'),
      '<html lang="en"><body><nav>Menu</nav><main data-pagefind-body><h1>Screening</h1></main></body></html>',
    );
    fs.writeFileSync(path.join(site, '404.html'), '<html lang="en"><body><h1>Page not found</h1></body></html>');
    const log: string[] = [];
    await runBuildDone(pagefindIndex(), site, log);
    expect(fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(1);
    expect(log.join('\n')).toContain(path.join(site, 'pagefind'));
  });

  it('stops the build with a plain message when the output folder cannot be written', async () => {
    const missing = path.join(tempDir(), 'not-there');
    const error = await runBuildDone(pagefindIndex(), missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toContain(`Pagefind could not index the pages in ${missing}`);
    expect((error as AstroError).message).toContain('ENOENT');
    expect((error as AstroError).stack).toBe('');
  });
});
