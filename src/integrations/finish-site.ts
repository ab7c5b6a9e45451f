import type { AstroIntegration } from 'astro';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSite, PAGEFIND_FOLDER } from './pagefind.ts';
import { finishEmailEdition } from '../lib/email.ts';
import { precompressDir } from './precompress.ts';

/**
 * Set to `1` by `npm run build` (cli/build.ts), which finishes the site itself once Astro's process has
 * exited: Astro holds about 900 MB at the end of a 1,000-issue build, and Pagefind needs 400 MB more.
 */
export const FINISH_AFTER_ASTRO = 'LD_FINISH_AFTER_ASTRO';

// Email editions are downloads for editors, fetched a handful of times each; compressing their 2,000
// files cost more than a second of every build for no reader's benefit. The index's folder is
// compressed on its own, once Pagefind has written it.
const notForReaders = (file: string) =>
  file.startsWith(`${PAGEFIND_FOLDER}/`) || /^bulletins\/[^/]+\/email\.(html|txt)$/.test(file);

/**
 * Inlines the styles of every email edition Astro wrote (`bulletins/<id>/email.html`) and writes its
 * plain-text part beside it (`email.txt`). Throws an AstroError naming an edition too big for Gmail.
 * @example await finishEmailEditions('.build/next') // => 1000
 */
export async function finishEmailEditions(dir: string): Promise<number> {
  const bulletins = path.join(dir, 'bulletins');
  const issues = await fs.readdir(bulletins, { withFileTypes: true }).catch(() => []);
  let finished = 0;
  for (const issue of issues) {
    const file = path.join(bulletins, issue.name, 'email.html');
    if (!issue.isDirectory() || !(await fs.stat(file).catch(() => undefined))) continue;
    const { html, text } = finishEmailEdition(await fs.readFile(file, 'utf8'), `bulletins/${issue.name}`);
    await Promise.all([fs.writeFile(file, html), fs.writeFile(path.join(bulletins, issue.name, 'email.txt'), text)]);
    finished += 1;
  }
  return finished;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Finishes a built site: the Pagefind search index; the email editions, styles inlined and plain text
 * written; and `.gz` and `.br` copies of every text file readers fetch, for static hosts (nginx
 * `gzip_static`/`brotli_static`, most CDNs). Pagefind runs in its own process, compression on libuv's
 * threads and the email editions on this one, so on two cores they overlap; the index's own files are
 * compressed after it is written. Throws an AstroError if Pagefind fails or an email edition is too big.
 * @example await finishBuiltSite('.build/next', console.log)
 */
export async function finishBuiltSite(dir: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const [index, pages, emails] = await Promise.all([
    indexSite(dir),
    precompressDir(dir, { skip: notForReaders }),
    finishEmailEditions(dir),
  ]);
  const search = await precompressDir(path.join(dir, PAGEFIND_FOLDER));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(`Search index written to ${index.outputPath} from ${index.pages} pages.`);
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
