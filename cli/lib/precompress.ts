import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Text files worth compressing. Pagefind's index files (`.pf_*`) and images are compressed already. */
export const TEXT_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.xml', '.json', '.svg', '.txt'];

/**
 * Files under `dir` that get `.gz` and `.br` copies: text files by extension, but those `skip` names by
 * their path in `dir` (written with `/`).
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

/** Writes `file.gz` and `file.br`, each only if smaller than the file. Brotli 5 does as well as 7 on our pages. */
async function compress(file: string, data: Buffer): Promise<void> {
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length };
  const [gz, br] = await Promise.all([gzip(data, { level: 9 }), brotli(data, { params })]);
  if (gz.length < data.length) await fs.writeFile(`${file}.gz`, gz);
  if (br.length < data.length) await fs.writeFile(`${file}.br`, br);
}

/**
 * Takes the copies of `before` (the same file in the last build) when its bytes are the same and it has
 * any; false otherwise (a file with neither copy is too small to compress, or was never finished).
 */
async function reuse(data: Buffer, file: string, before: string): Promise<boolean> {
  const then = await fs.readFile(before).catch(() => undefined);
  if (!then?.equals(data)) return false;
  const copy = (suffix: string) =>
    fs.copyFile(`${before}${suffix}`, `${file}${suffix}`).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
    );
  return (await Promise.all([copy('.gz'), copy('.br')])).some(Boolean);
}

/**
 * Writes `.gz` and `.br` copies beside each text file under `dir` but those `skip` names, so a static
 * host (nginx `gzip_static`/`brotli_static`, most CDNs) need not compress on every request. A file with
 * the same bytes in `previous` (the last build) takes its copies instead. Resolves to how many files
 * there were and how many were compressed.
 * @example await precompressDir('.build/next', { previous: 'dist' }) // => { files: 3620, compressed: 12 }
 */
export async function precompressDir(
  dir: string,
  options: { skip?: (file: string) => boolean; previous?: string } = {},
) {
  const files = await textFiles(dir, options.skip);
  let next = 0;
  let compressed = 0;
  // zlib's async calls run on libuv's thread pool; a few files in flight per core keeps it busy.
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const data = await fs.readFile(file);
      if (options.previous && (await reuse(data, file, path.join(options.previous, path.relative(dir, file)))))
        continue;
      await compress(file, data);
      compressed += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, os.availableParallelism() * 2) }, worker));
  return { files: files.length, compressed };
}
