import path from 'node:path';
import { assertBuiltLinks } from '../../src/content-rules/built-links.ts';
import { indexSite, PAGEFIND_FOLDER } from './pagefind.ts';
import { precompressDir } from './precompress.ts';

/**
 * A check of the whole built site; it throws an AstroError (message and hint, no stack) to stop the
 * build. Checks of what Astro wrote go here: they see every page, generated ones included. They run
 * beside the search index and the compression, so a check lists the files it reads before its first
 * `await` and reads only what Astro wrote (nothing under `pagefind/`, no `.gz` or `.br`).
 */
export type SiteCheck = (dir: string) => Promise<void> | void;

/** The checks `finishSite` runs, in order. */
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
  // The checks parse pages in this process while Pagefind indexes them in its own and the compression
  // runs on libuv's threads: the three together keep both cores busy. A failed check is reported first.
  const checked = (async () => {
    for (const check of siteChecks) await check(dir);
  })();
  const indexed = indexSite(dir);
  const compressed = precompressDir(dir, {
    previous,
    skip: (file) => file.startsWith(`${PAGEFIND_FOLDER}/`) || notForReaders(file),
  });
  // Wait for all three, so nothing still writes into the folder when a failure is reported.
  await Promise.allSettled([checked, indexed, compressed]);
  await checked;
  const index = await indexed;
  const pages = await compressed;
  // Pagefind's own files, once it has written them all.
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
