import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unservedFiles } from './site-files.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function site(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-site-files-'));
  made.push(dir);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), '');
  }
  return dir;
}

describe('unservedFiles', () => {
  it('accepts the kinds of file the site serves', () => {
    const dir = site([
      'index.html',
      'index.html.br',
      '_astro/Base.abc.css',
      'pagefind/pagefind.js',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/wasm.en.pagefind',
      'feed.xml',
      'manifest.webmanifest',
      '_headers',
      '_redirects',
      '.well-known/security.txt',
    ]);
    expect(unservedFiles(dir)).toEqual([]);
  });

  it('names build internals, source maps, hidden files, links and unknown kinds', () => {
    const dir = site([
      '.prerender/chunks/page.mjs',
      '_astro/app.js.map',
      '.env',
      'a/.git/config',
      'notes.md',
      'a/_headers',
    ]);
    fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.txt'));
    expect(unservedFiles(dir)).toEqual([
      '.env',
      '.prerender/',
      '_astro/app.js.map',
      'a/.git/',
      'a/_headers',
      'notes.md',
      'passwd.txt',
    ]);
  });
});
