import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { indexSite } from './pagefind.ts';

// indexSite runs the binary named by PAGEFIND_BINARY_PATH when it is set, as Pagefind's own runner does: a stand-in
// here fails each way Pagefind can, on demand.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-errors-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));
afterEach(() => delete process.env.PAGEFIND_BINARY_PATH);

function fakePagefind(script: string): void {
  const file = path.join(temp, `pagefind-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
  process.env.PAGEFIND_BINARY_PATH = file;
}

describe('indexSite when Pagefind fails', () => {
  it("fails the build with Pagefind's own message", async () => {
    fakePagefind('echo "Running Pagefind"; echo "Error: Failed to parse /bulletins/2015-05/index.html" >&2; exit 1');
    const error = await indexSite(temp).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toMatch(
      /^Pagefind could not index the pages in .*\n {2}- Error: Failed to parse \/bulletins\/2015-05\/index\.html$/,
    );
    expect((error as AstroError).hint).toContain('npm run build');
  });

  it('fails the build, rather than waiting for ever, when Pagefind does not finish', async () => {
    fakePagefind('exec sleep 5');
    const error = await indexSite(temp, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect((error as AstroError).message).toContain('did not finish within 0.2 seconds');
  });
});
