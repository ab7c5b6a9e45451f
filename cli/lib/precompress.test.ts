import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir, textFiles } from './precompress.ts';

let dir: string;
const write = (relative: string, content: string | Buffer) => {
  const file = path.join(dir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
};
const PAGE = `<!doctype html><p>${'Liaison and diversion. '.repeat(200)}</p>`;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-test-'));
  write('index.html', PAGE);
  write('_astro/site.css', 'body{margin:0}'.repeat(100));
  write('feed.xml', `<rss>${'<item/>'.repeat(100)}</rss>`);
  write('tiny.txt', 'a');
  write('pagefind/fragment/en_1.pf_fragment', zlib.gzipSync('already compressed'));
  write('image.png', Buffer.alloc(2000));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('textFiles', () => {
  it('picks text files by extension, whatever folder they are in', async () => {
    const files = await textFiles(dir);
    expect(files.map((f) => path.relative(dir, f))).toEqual([
      path.join('_astro', 'site.css'),
      'feed.xml',
      'index.html',
      'tiny.txt',
    ]);
  });
});

describe('precompressDir', () => {
  it('leaves out the files it is told to skip, by their path in the folder', async () => {
    const result = await precompressDir(dir, { skip: (file) => file === '_astro/site.css' || file.endsWith('.xml') });
    expect(result.files).toBe(2);
    expect(fs.existsSync(path.join(dir, '_astro/site.css.gz'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'feed.xml.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true);
  });

  it('writes .gz and .br copies that decompress to the original', async () => {
    const result = await precompressDir(dir);
    const html = path.join(dir, 'index.html');
    expect(zlib.gunzipSync(fs.readFileSync(`${html}.gz`)).toString()).toBe(PAGE);
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${html}.br`)).toString()).toBe(PAGE);
    expect(fs.existsSync(path.join(dir, '_astro/site.css.br'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'feed.xml.gz'))).toBe(true);
    expect(result).toEqual({ files: 4, compressed: 4 });
  });

  it('skips files that are not text, and copies no smaller than the file', async () => {
    await precompressDir(dir);
    expect(fs.existsSync(path.join(dir, 'image.png.gz'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'pagefind/fragment/en_1.pf_fragment.gz'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tiny.txt.gz'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tiny.txt.br'))).toBe(false);
  });
});

describe('precompressDir after an earlier build', () => {
  it('takes the earlier copies of files whose bytes are the same, and compresses the changed ones', async () => {
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'precompress-before-'));
    try {
      fs.cpSync(dir, before, { recursive: true });
      await precompressDir(before);
      // Marks the earlier copy, to see that it is the one taken.
      fs.writeFileSync(path.join(before, 'feed.xml.gz'), 'earlier copy');
      write('index.html', `${PAGE}<p>changed</p>`);
      const result = await precompressDir(dir, { previous: before });
      expect(result).toEqual({ files: 4, compressed: 2 });
      expect(fs.readFileSync(path.join(dir, 'feed.xml.gz'), 'utf8')).toBe('earlier copy');
      const html = path.join(dir, 'index.html');
      expect(zlib.gunzipSync(fs.readFileSync(`${html}.gz`)).toString()).toBe(`${PAGE}<p>changed</p>`);
    } finally {
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
