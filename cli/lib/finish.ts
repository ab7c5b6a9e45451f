import path from 'node:path';
import { assertBuiltLinks } from './built-links.ts';
import { indexSite, PAGEFIND_FOLDER } from './pagefind.ts';
import { precompressDir } from './precompress.ts';

/**
 * A check of the whole built site, run before anything is added to it; it throws an AstroError (message
 * and hint, no stack) to stop the build. Checks of what Astro wrote go here: they see every page,
 * generated ones included.
 */
export type SiteCheck = (dir: string) => Promise<void> | void;

/** The checks `finishSite` runs first, in order. */
// Links and #clauses on every built page, email editions included (the pages link to them).
export const siteChecks: SiteCheck[] = [assertBuiltLinks];

// Email editions are downloads for editors, fetched a handful of times each: not worth compressing.
const notForReaders = (file: string) => /^bulletins\/[^/]+\/email\.(html|txt)$/.test(file);

/**
 * The finishing step of `npm run build`, on the folder Astro has built, once Astro's process has exited
 * (its memory and Pagefind's together would pass the 1 GiB budget): the site checks, the Pagefind search
 * index, and `.gz` and `.br` copies of every text file readers fetch, for nginx's `gzip_static` and
 * `brotli_static` and most CDNs. Files whose bytes are the same in `previous` (the live site) take its
 * copies rather than being compressed again. Throws an AstroError if a check or Pagefind fails.
 * @example await finishSite('.build/next', 'dist', console.log)
 */
export async function finishSite(
  dir: string,
  previous: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  for (const check of siteChecks) await check(dir);
  // Pagefind runs in its own process while this one compresses the pages; then the index's own files.
  const [index, pages] = await Promise.all([
    indexSite(dir),
    precompressDir(dir, { previous, skip: (file) => file.startsWith(`${PAGEFIND_FOLDER}/`) || notForReaders(file) }),
  ]);
  const search = await precompressDir(path.join(dir, PAGEFIND_FOLDER), {
    previous: previous && path.join(previous, PAGEFIND_FOLDER),
  });
  log(`Search index written to ${index.outputPath} from ${index.pages} pages.`);
  const kept = pages.files + search.files - pages.compressed - search.compressed;
  log(
    `Compressed ${pages.compressed + search.compressed} text files; ${kept} unchanged since the last build kept its copies.`,
  );
  log(`Finished the site in ${((performance.now() - started) / 1000).toFixed(2)}s.`);
}
