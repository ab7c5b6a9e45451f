import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pagefindIndex } from './pagefind.ts';

// Pagefind itself, replaced so each way it can fail can be produced on demand.
const api = vi.hoisted(() => ({
  addDirectory: vi.fn(),
  writeFiles: vi.fn(),
  close: vi.fn(async () => null),
}));
vi.mock('pagefind', () => ({
  createIndex: async () => ({ errors: [], index: { addDirectory: api.addDirectory, writeFiles: api.writeFiles } }),
  close: api.close,
}));

type BuildDone = NonNullable<ReturnType<typeof pagefindIndex>['hooks']['astro:build:done']>;

/** Runs the integration's build:done hook as Astro would, on `dir`. */
async function runBuildDone(integration: ReturnType<typeof pagefindIndex>, dir: string) {
  const hook = integration.hooks['astro:build:done'] as BuildDone;
  const logger = { info: () => {}, warn: () => {} };
  await hook({
    dir: pathToFileURL(`${dir}/`),
    logger,
    pages: [],
    assets: new Map(),
  } as unknown as Parameters<BuildDone>[0]);
}

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-errors-'));
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
beforeEach(() => {
  api.addDirectory.mockResolvedValue({ errors: [], page_count: 1 });
  api.writeFiles.mockResolvedValue({ errors: [], outputPath: path.join(site, 'pagefind') });
  api.close.mockClear();
});

describe('pagefindIndex when Pagefind fails', () => {
  it("fails the build with Pagefind's own message", async () => {
    api.addDirectory.mockResolvedValue({ errors: ['Failed to parse /bulletins/2015-05/index.html'], page_count: 0 });
    const error = await runBuildDone(pagefindIndex(), site).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(
      /^Pagefind could not index the pages in .*\n {2}- Failed to parse \/bulletins\/2015-05\/index\.html$/,
    );
    expect((error as AstroError).hint).toContain('npm run build');
    expect(api.close).toHaveBeenCalled();
  });

  it('fails the build, rather than waiting for ever, when Pagefind stops answering', async () => {
    api.writeFiles.mockReturnValue(new Promise(() => {}));
    const error = await runBuildDone(pagefindIndex({ timeoutMs: 50 }), site).catch((e: unknown) => e);
    expect((error as AstroError).message).toContain('Pagefind could not write the index');
    expect((error as AstroError).message).toContain('did not answer within 0.05 seconds');
    expect(api.close).toHaveBeenCalled();
  });
});
