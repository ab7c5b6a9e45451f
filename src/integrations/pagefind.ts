import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** Where the index goes inside the built site; the search page loads `/pagefind/pagefind.js`. */
export const PAGEFIND_FOLDER = 'pagefind';

export interface PagefindIndexOptions {
  /**
   * How long one Pagefind step may take before the build gives up. Pagefind's binary can crash without answering
   * (it prints its own message first); without a limit the build would wait for ever. Default: 5 minutes.
   */
  timeoutMs?: number;
}

/**
 * A build error that quotes Pagefind's messages and says what to do. It has no stack trace:
 * the cause is in the content or the output folder, not in our code.
 */
function indexingError(step: string, messages: string[]): AstroError {
  const error = new AstroError(
    `Pagefind could not ${step}, so the build stopped: the site would have been published without working search.\n` +
      messages.map((m) => `  - ${m}`).join('\n'),
    'Each line starting with "-" is Pagefind’s own message; if Pagefind crashed, its report is printed just before ' +
      'this error. Fix what it names and run `npm run build` again.',
  );
  error.stack = '';
  return error;
}

/** Waits for one Pagefind step, failing the build if it does not answer in time. */
async function step<T extends { errors: string[] }>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          indexingError(what, [
            `Pagefind did not answer within ${timeoutMs / 1000} seconds. If it crashed, its message is printed above.`,
          ]),
        ),
      timeoutMs,
    );
  });
  try {
    const result = await Promise.race([promise, timeout]);
    if (result.errors.length > 0) throw indexingError(what, result.errors);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** What indexing a site did. */
export interface IndexResult {
  /** HTML files Pagefind read (pages without `data-pagefind-body` are read, then left out). */
  pages: number;
  /** The folder the index was written to. */
  outputPath: string;
}

/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`. It indexes the folder it
 * is given (not a fixed `dist/`), so a build into a temporary folder indexes that one. Only pages are
 * read (`index.html` and `404.html`, not email editions), and of them only elements marked
 * `data-pagefind-body` are indexed (see `src/lib/search-index.ts`). Fails with an AstroError that
 * quotes Pagefind.
 * @example await indexSite('.build/next') // => { pages: 1222, outputPath: '.build/next/pagefind' }
 */
export async function indexSite(
  site: string,
  { timeoutMs = 5 * 60_000 }: PagefindIndexOptions = {},
): Promise<IndexResult> {
  const outputPath = path.join(site, PAGEFIND_FOLDER);
  try {
    // Pagefind's binary crashes rather than answering when it cannot write, so check first.
    fs.accessSync(site, fs.constants.W_OK);
    const { index } = await step('start', pagefind.createIndex(), timeoutMs);
    if (!index) throw indexingError('start', ['Pagefind returned no index.']);
    const added = await step(
      `index the pages in ${site}`,
      index.addDirectory({ path: site, glob: '**/{index,404}.html' }),
      timeoutMs,
    );
    await step(`write the index to ${outputPath}`, index.writeFiles({ outputPath }), timeoutMs);
    return { pages: added.page_count, outputPath };
  } catch (error) {
    if (error instanceof AstroError) throw error;
    throw indexingError(`index the pages in ${site}`, [error instanceof Error ? error.message : String(error)]);
  } finally {
    await pagefind.close();
  }
}
