import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexSite } from './pagefind.ts';

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

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-errors-'));
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));
beforeEach(() => {
  api.addDirectory.mockResolvedValue({ errors: [], page_count: 1 });
  api.writeFiles.mockResolvedValue({ errors: [], outputPath: path.join(site, 'pagefind') });
  api.close.mockClear();
});

describe('indexSite when Pagefind fails', () => {
  it("fails the build with Pagefind's own message", async () => {
    api.addDirectory.mockResolvedValue({ errors: ['Failed to parse /bulletins/2015-05/index.html'], page_count: 0 });
    const error = await indexSite(site).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(
      /^Pagefind could not index the pages in .*\n {2}- Failed to parse \/bulletins\/2015-05\/index\.html$/,
    );
    expect((error as AstroError).hint).toContain('npm run build');
    expect(api.close).toHaveBeenCalled();
  });

  it('fails the build, rather than waiting for ever, when Pagefind stops answering', async () => {
    api.writeFiles.mockReturnValue(new Promise(() => {}));
    const error = await indexSite(site, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((error as AstroError).message).toContain('Pagefind could not write the index');
    expect((error as AstroError).message).toContain('did not answer within 0.05 seconds');
    expect(api.close).toHaveBeenCalled();
  });
});
