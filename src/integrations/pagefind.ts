import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` once Astro has written every page.
 * It indexes the folder Astro reports (not a fixed `dist/`), so a build into a temporary folder indexes that one.
 * Only elements marked `data-pagefind-body` are indexed (see `src/lib/search-index.ts`).
 * @example integrations: [pagefindIndex()]
 */
export function pagefindIndex({ timeoutMs = 5 * 60_000 }: PagefindIndexOptions = {}): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = path.join(site, PAGEFIND_FOLDER);
        try {
          // Pagefind's binary crashes rather than answering when it cannot write, so check first.
          fs.accessSync(site, fs.constants.W_OK);
          const { index } = await step('start', pagefind.createIndex(), timeoutMs);
          if (!index) throw indexingError('start', ['Pagefind returned no index.']);
          const added = await step(`index the pages in ${site}`, index.addDirectory({ path: site }), timeoutMs);
          await step(`write the index to ${outputPath}`, index.writeFiles({ outputPath }), timeoutMs);
          logger.info(`Search index written to ${outputPath} from ${added.page_count} HTML files`);
        } catch (error) {
          if (error instanceof AstroError) throw error;
          throw indexingError(`index the pages in ${site}`, [error instanceof Error ? error.message : String(error)]);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
