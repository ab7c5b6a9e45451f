import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSite, PAGEFIND_FOLDER } from './pagefind.ts';
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

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Finishes a built site: the Pagefind search index, and `.gz` and `.br` copies of every text file
 * readers fetch, for static hosts (nginx `gzip_static`/`brotli_static`, most CDNs). Pagefind runs in
 * its own process and compression on libuv's threads, so on two cores the two overlap; the index's own
 * files are compressed after it is written. Throws an AstroError if Pagefind fails.
 * @example await finishBuiltSite('.build/next', console.log)
 */
export async function finishBuiltSite(dir: string, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const [index, pages] = await Promise.all([indexSite(dir), precompressDir(dir, { skip: notForReaders })]);
  const search = await precompressDir(path.join(dir, PAGEFIND_FOLDER));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(`Search index written to ${index.outputPath} from ${index.pages} pages.`);
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
          logger.info('The search index and compressed copies are made once Astro has exited (npm run build).');
          return;
        }
        await finishBuiltSite(fileURLToPath(dir), (line) => logger.info(line));
      },
    },
  };
}
