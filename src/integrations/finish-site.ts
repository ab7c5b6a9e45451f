import type { AstroIntegration } from 'astro';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishEmailEdition } from '../lib/email.ts';
import { indexSite, PAGEFIND_FOLDER } from './pagefind.ts';
import { compressFile, precompressDir, TEXT_EXTENSIONS } from './precompress.ts';

/**
 * Set to `1` by `npm run build` (cli/build.ts), which finishes the site itself once Astro's process has
 * exited: Astro holds about 900 MB at the end of a 1,000-issue build, and Pagefind needs 400 MB more.
 */
export const FINISH_AFTER_ASTRO = 'LD_FINISH_AFTER_ASTRO';

const EMAIL_EDITION = /^bulletins\/([^/]+)\/email\.html$/;

// Email editions are downloads for editors, fetched a handful of times each; compressing their 2,000
// files cost more than a second of every build for no reader's benefit. The index's folder is
// compressed on its own, once Pagefind has written it.
const notForReaders = (file: string) =>
  file.startsWith(`${PAGEFIND_FOLDER}/`) || /^bulletins\/[^/]+\/email\.(html|txt)$/.test(file);

/** Inlines the styles of one email edition and writes its plain-text part (`email.txt`) beside it. */
async function finishEmailFile(dir: string, file: string, id: string): Promise<void> {
  const full = path.join(dir, file);
  const { html, text } = finishEmailEdition(await fs.readFile(full, 'utf8'), `bulletins/${id}`);
  await Promise.all([fs.writeFile(full, html), fs.writeFile(path.join(path.dirname(full), 'email.txt'), text)]);
}

/**
 * Inlines the styles of every email edition Astro wrote (`bulletins/<id>/email.html`) and writes its
 * plain-text part beside it (`email.txt`), but for those in `done`. Throws an AstroError naming an
 * edition too big for Gmail.
 * @example await finishEmailEditions('.build/next') // => 1000
 */
export async function finishEmailEditions(dir: string, done: ReadonlySet<string> = new Set()): Promise<number> {
  const issues = await fs.readdir(path.join(dir, 'bulletins'), { withFileTypes: true }).catch(() => []);
  let finished = 0;
  for (const issue of issues) {
    const file = `bulletins/${issue.name}/email.html`;
    if (done.has(file) || !issue.isDirectory() || !(await fs.stat(path.join(dir, file)).catch(() => undefined)))
      continue;
    await finishEmailFile(dir, file, issue.name);
    finished += 1;
  }
  return finished;
}

/**
 * Finishes one file as soon as Astro has written it, while Astro writes the others: an email edition
 * is finished, a text file readers fetch is compressed. Resolves to whether it did anything; pass the
 * files it did to `finishBuiltSite` as `done`. `path` is the file's path in `dir`, written with `/`.
 * @example await finishWrittenFile('.build/next', 'bulletins/2015-05/email.html') // => true
 */
export async function finishWrittenFile(dir: string, file: string): Promise<boolean> {
  const email = EMAIL_EDITION.exec(file);
  if (email) {
    await finishEmailFile(dir, file, email[1]);
    return true;
  }
  if (notForReaders(file) || !TEXT_EXTENSIONS.includes(path.extname(file).toLowerCase())) return false;
  // On this thread only: the other core is Astro's, and each codec's memory is freed at once.
  await compressFile(path.join(dir, file), {}, { onThisThread: true });
  return true;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Finishes a built site: the Pagefind search index; the email editions, styles inlined and plain text
 * written; and `.gz` and `.br` copies of every text file readers fetch, for static hosts (nginx
 * `gzip_static`/`brotli_static`, most CDNs). Pagefind runs in its own process, compression on libuv's
 * threads and the email editions on this one, so on two cores they overlap; the index's own files are
 * compressed after it is written. Files in `done` were finished while Astro was still writing
 * (`finishWrittenFile`) and are left alone. Throws an AstroError if Pagefind fails or an email edition is too big.
 * @example await finishBuiltSite('.build/next', console.log)
 */
export async function finishBuiltSite(
  dir: string,
  log: (line: string) => void,
  done: ReadonlySet<string> = new Set(),
): Promise<void> {
  const started = performance.now();
  const [index, pages, emails] = await Promise.all([
    indexSite(dir),
    precompressDir(dir, { skip: (file) => done.has(file) || notForReaders(file) }),
    finishEmailEditions(dir, done),
  ]);
  const search = await precompressDir(path.join(dir, PAGEFIND_FOLDER));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(`Search index written to ${index.outputPath} from ${index.pages} pages.`);
  if (done.size > 0) log(`Finished while Astro was writing the site: ${done.size} files.`);
  log(`Email editions finished: ${emails}, styles inlined and plain text written.`);
  log(
    `Compressed ${pages.files + search.files} files, ${mb(pages.bytes + search.bytes)} → ` +
      `gzip ${mb(pages.gzipBytes + search.gzipBytes)}, brotli ${mb(pages.brotliBytes + search.brotliBytes)}.`,
  );
  log(`Search index and compression finished in ${seconds}s.`);
}

/**
 * Finishes the site in `astro:build:done` (`astro build` on its own, as in tests), in whatever folder
 * Astro built it; under `npm run build` it leaves that to cli/build.ts (see FINISH_AFTER_ASTRO).
 * @example integrations: [finishSite()]
 */
export function finishSite(): AstroIntegration {
  return {
    name: 'finish-site',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env[FINISH_AFTER_ASTRO] === '1') {
          logger.info('The search index, email editions and compressed copies are made once Astro has exited.');
          return;
        }
        await finishBuiltSite(fileURLToPath(dir), (line) => logger.info(line));
      },
    },
  };
}
