import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from './pagefind.ts';

const temp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagefind-test-'));
  temp.push(dir);
  return dir;
}
afterEach(() => temp.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('indexSite', () => {
  it('indexes only pages with data-pagefind-body, not email editions, into the folder it is given', async () => {
    const site = tempDir();
    fs.mkdirSync(path.join(site, 'page'));
    fs.writeFileSync(
      path.join(site, 'page', 'index.html'),
      '<html lang="en"><body><nav>Menu</nav><main data-pagefind-body><h1>Screening</h1></main></body></html>',
    );
    fs.writeFileSync(path.join(site, '404.html'), '<html lang="en"><body><h1>Page not found</h1></body></html>');
    fs.writeFileSync(
      path.join(site, 'page', 'email.html'),
      '<html lang="en"><body data-pagefind-body>Email</body></html>',
    );
    const result = await indexSite(site);
    expect(fs.existsSync(path.join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(1);
    expect(result).toEqual({ pages: 1, outputPath: path.join(site, 'pagefind') });
  });

  it('stops the build with a plain message when the output folder cannot be written', async () => {
    const missing = path.join(tempDir(), 'not-there');
    const error = await indexSite(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AstroError);
    expect((error as AstroError).message).toContain(`Pagefind could not index the pages in ${missing}`);
    expect((error as AstroError).message).toContain('ENOENT');
    expect((error as AstroError).stack).toBe('');
  });
});
