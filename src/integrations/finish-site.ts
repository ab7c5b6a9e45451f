import type { AstroIntegration } from 'astro';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { assertBuiltLinks } from '../../cli/lib/built-links.ts';
import { EMAIL_EDITIONS_FILE, finishEmailEdition, type EmailEditionLine } from '../lib/email.ts';
import { indexSite, PAGEFIND_FOLDER } from './pagefind.ts';
import { compressFile, precompressDir, TEXT_EXTENSIONS } from './precompress.ts';

/**
 * Set to `1` by `npm run build` (cli/build.ts), which finishes the site itself once Astro's process has
 * exited: Astro holds about 690 MiB at the end of a 1,000-issue build, and Pagefind needs about 380 MiB.
 */
export const FINISH_AFTER_ASTRO = 'LD_FINISH_AFTER_ASTRO';

const EMAIL_EDITION = /^bulletins\/[^/]+\/email\.html$/;

// Email editions are downloads for editors, fetched a handful of times each; compressing their 2,000
// files cost more than a second of every build for no reader's benefit. The index's folder is
// compressed on its own, once Pagefind has written it.
const notForReaders = (file: string) =>
  file.startsWith(`${PAGEFIND_FOLDER}/`) ||
  file === EMAIL_EDITIONS_FILE ||
  /^bulletins\/[^/]+\/email\.(html|txt)$/.test(file);

/** Inlines the styles of one email edition and writes it out, with its plain-text part (`email.txt`) beside it. */
async function writeEmailEdition(dir: string, { file, html: rendered }: EmailEditionLine): Promise<void> {
  if (!EMAIL_EDITION.test(file))
    throw new Error(`${EMAIL_EDITIONS_FILE} names ${file}, which is not an email edition.`);
  const full = path.join(dir, file);
  const { html, text } = finishEmailEdition(rendered, path.posix.dirname(file));
  await fs.mkdir(path.dirname(full), { recursive: true });
  await Promise.all([fs.writeFile(full, html), fs.writeFile(path.join(path.dirname(full), 'email.txt'), text)]);
}

/**
 * Writes out every email edition Astro rendered into `EMAIL_EDITIONS_FILE` as `bulletins/<id>/email.html`,
 * styles inlined, with its plain-text part beside it (`email.txt`), then removes that file. Reads it a
 * line at a time, so memory does not grow with the archive. Resolves to the number of editions (0 if
 * Astro wrote no such file); throws an AstroError naming an edition too big for Gmail.
 * @example await finishEmailEditions('.build/next') // => 1000
 */
export async function finishEmailEditions(dir: string): Promise<number> {
  const file = path.join(dir, EMAIL_EDITIONS_FILE);
  if (!(await fs.stat(file).catch(() => undefined))) return 0;
  let finished = 0;
  for await (const line of readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    await writeEmailEdition(dir, JSON.parse(line) as EmailEditionLine);
    finished += 1;
  }
  await fs.rm(file);
  return finished;
}

/**
 * Finishes one file as soon as Astro has written it, while Astro writes the others: the email editions
 * are written out, a text file readers fetch is compressed. Resolves to whether it did anything; pass the
 * files it did to `finishBuiltSite` as `finishing`. `path` is the file's path in `dir`, written with `/`.
 * @example await finishWrittenFile('.build/next', 'bulletins/2015-05/index.html') // => true
 */
export async function finishWrittenFile(dir: string, file: string): Promise<boolean> {
  if (file === EMAIL_EDITIONS_FILE) {
    await finishEmailEditions(dir);
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
 * compressed after it is written. Files in `finishing` were finished while Astro was still writing
 * (`finishWrittenFile`) and are left alone; it may be a promise of them, still being finished while the
 * index is made. Throws an AstroError if a link leads nowhere, Pagefind fails or an email edition is too big.
 * @example await finishBuiltSite('.build/next', console.log)
 */
export async function finishBuiltSite(
  dir: string,
  log: (line: string) => void,
  finishing: ReadonlySet<string> | Promise<ReadonlySet<string>> = new Set(),
): Promise<void> {
  const started = performance.now();
  const indexing = indexSite(dir);
  // Its failure is thrown below, once finishing is done: marked as handled meanwhile, so that Node does
  // not stop the process over it. If finishing fails, the index is let finish, so nothing is left writing.
  const indexed = indexing.then(
    () => true,
    () => false,
  );
  const done = await Promise.resolve(finishing).catch(async (error: unknown) => {
    await indexed;
    throw error;
  });
  const [index, pages, emails] = await Promise.all([
    indexing,
    precompressDir(dir, { skip: (file) => done.has(file) || notForReaders(file) }),
    done.has(EMAIL_EDITIONS_FILE) ? undefined : finishEmailEditions(dir),
  ]);
  // Once the email editions are written (the pages link to them): a broken link stops the build here.
  await assertBuiltLinks(dir);
  const search = await precompressDir(path.join(dir, PAGEFIND_FOLDER));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(`Search index written to ${index.outputPath} from ${index.pages} pages.`);
  if (done.size > 0) log(`Finished while Astro was writing the site: ${done.size} files.`);
  log(
    emails === undefined
      ? 'Email editions finished while Astro was writing the site.'
      : `Email editions finished: ${emails}, styles inlined and plain text written.`,
  );
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
