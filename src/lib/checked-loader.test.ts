import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A content folder whose issue is a named pipe: Astro's glob loader, opening it, would wait forever.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-checked-loader-'));
const content = path.join(root, 'content');
let checkedLoader: (loader: Loader) => Loader;
beforeAll(async () => {
  fs.mkdirSync(path.join(content, 'bulletins'), { recursive: true });
  expect(spawnSync('mkfifo', [path.join(content, 'bulletins/2015-10.md')]).status).toBe(0);
  vi.stubEnv('CONTENT_DIR', content);
  vi.resetModules();
  ({ checkedLoader } = await import('./checked-loader.ts'));
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A loader standing in for Astro's glob loader: it records that it would have opened the files. */
function innerLoader() {
  const load = vi.fn(async () => {});
  return { loader: { name: 'glob-loader', load } satisfies Loader, load };
}

function context(watcher: boolean) {
  const logger = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };
  return {
    ctx: { collection: 'bulletins', watcher: watcher ? {} : undefined, logger } as unknown as LoaderContext,
    logger,
  };
}

describe('checkedLoader with an odd file in the content folder (issue 23)', () => {
  it('stops `astro build` with one error naming the file, before the loader opens anything', async () => {
    const { loader, load } = innerLoader();
    const { ctx } = context(false);
    const failure = await checkedLoader(loader)
      .load(ctx)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(AstroError);
    expect((failure as AstroError).message).toContain(
      `${path.join(content, 'bulletins/2015-10.md')}\n  This is a named pipe`,
    );
    expect((failure as AstroError).stack).toBe('');
    expect(load).not.toHaveBeenCalled();
  });

  it('keeps `astro dev` running: says so once, and loads nothing until it is gone', async () => {
    const { loader, load } = innerLoader();
    const { ctx, logger } = context(true);
    await checkedLoader(loader).load(ctx);
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(String(logger.error.mock.calls[0][0])).toContain('This is a named pipe');
    expect(load).not.toHaveBeenCalled();
  });
});
