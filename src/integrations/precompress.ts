import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Text files worth compressing. Pagefind's index files (`.pf_*`) and images are compressed already. */
export const TEXT_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.xml', '.json', '.svg', '.txt'];

/** How hard to compress. */
export interface PrecompressOptions {
  /** gzip level, 1 to 9. */
  gzipLevel?: number;
  /** Brotli quality, 0 to 11. On our pages 5 compresses as well as 7, and 11 takes 25 times as long for 15% less. */
  brotliQuality?: number;
  /** Leaves out files by their path inside the folder, written with `/`. */
  skip?: (relativePath: string) => boolean;
}

/** What precompressing a folder did. */
export interface PrecompressResult {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * Files under `dir` that get `.gz` and `.br` copies: text files by extension, none already compressed.
 * @example await textFiles('dist') // => ['dist/index.html', 'dist/_astro/Base.css', …]
 */
export async function textFiles(dir: string, skip: (relativePath: string) => boolean = () => false): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && TEXT_EXTENSIONS.includes(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !skip(path.relative(dir, file).split(path.sep).join('/')))
    .sort();
}

/** What compressing one file wrote: the file's size and each copy's (0 where no copy was written). */
export interface CompressedFile {
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

/**
 * Writes `file.gz` and `file.br` beside one file; a copy that would be no smaller than the file is not written.
 * With `onThisThread`, both are compressed on the calling thread, one after the other, and each codec's
 * memory is freed at once; otherwise they run side by side on libuv's thread pool.
 * @example await compressFile('dist/index.html') // => { bytes: 5138, gzipBytes: 2001, brotliBytes: 1730 }
 */
export async function compressFile(
  file: string,
  options: PrecompressOptions = {},
  { onThisThread = false } = {},
): Promise<CompressedFile> {
  const data = await fs.readFile(file);
  const gzipOptions = { level: options.gzipLevel ?? 9 };
  const brotliOptions = {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: options.brotliQuality ?? 5,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  };
  const [gz, br] = onThisThread
    ? [zlib.gzipSync(data, gzipOptions), zlib.brotliCompressSync(data, brotliOptions)]
    : await Promise.all([gzip(data, gzipOptions), brotli(data, brotliOptions)]);
  const result = { bytes: data.length, gzipBytes: 0, brotliBytes: 0 };
  if (gz.length < data.length) {
    await fs.writeFile(`${file}.gz`, gz);
    result.gzipBytes = gz.length;
  }
  if (br.length < data.length) {
    await fs.writeFile(`${file}.br`, br);
    result.brotliBytes = br.length;
  }
  return result;
}

/**
 * Writes `file.gz` and `file.br` beside each text file under `dir`, so a static host (nginx
 * `gzip_static`/`brotli_static`, most CDNs) can send them without compressing on every request.
 * A copy that would be no smaller than the file is not written.
 */
export async function precompressDir(dir: string, options: PrecompressOptions = {}): Promise<PrecompressResult> {
  const files = await textFiles(dir, options.skip);
  const result: PrecompressResult = { files: files.length, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  // zlib's async calls run on libuv's thread pool; a few files in flight per core keeps it busy.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const one = await compressFile(files[next++], options);
      result.bytes += one.bytes;
      result.gzipBytes += one.gzipBytes;
      result.brotliBytes += one.brotliBytes;
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, os.availableParallelism() * 2) }, worker));
  return result;
}
