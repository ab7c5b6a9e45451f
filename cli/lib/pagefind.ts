import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroError } from 'astro/errors';
import { userError } from '../../src/lib/user-error.ts';

/** Where the index goes inside the built site; the search page loads `/pagefind/pagefind.js`. */
export const PAGEFIND_FOLDER = 'pagefind';

/** A build error quoting Pagefind's messages, without a stack: the cause is in the pages or the folder. */
function indexingError(site: string, messages: string[]): AstroError {
  return userError(
    `Pagefind could not index the pages in ${site}, so the build stopped: the site would have been published without working search.\n` +
      messages.map((m) => `  - ${m}`).join('\n'),
    'Each line starting with "-" is Pagefind’s own message; if Pagefind crashed, its report is printed just before ' +
      'this error. Fix what it names and run `npm run build` again.',
  );
}

/**
 * Pagefind's binary, found as the pagefind package's own runner finds it (PAGEFIND_BINARY_PATH, else the
 * platform package npm installed, which ships the extended binary). Run directly, not through that runner, so a stuck binary can be stopped.
 */
function pagefindBinary(): string {
  if (process.env.PAGEFIND_BINARY_PATH) return process.env.PAGEFIND_BINARY_PATH;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = platform === 'windows' ? '.exe' : '';
  return createRequire(import.meta.url).resolve(`@pagefind/${platform}-${process.arch}/bin/pagefind_extended${exe}`);
}

/** How many pages an index holds, from the entry file Pagefind writes for its own script to read. */
function pageCount(outputPath: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * How long Pagefind may take before it is taken to have hung: 5 minutes, and 60 ms more per page. A
 * fixed 5 minutes stopped a sound 20,000-issue build on a busy 2-core machine (Pagefind alone takes
 * about 4 ms a page on a quiet one).
 */
function pagefindTimeout(site: string): number {
  let pages = 0;
  try {
    pages = fs
      .readdirSync(site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.name === 'index.html' || entry.name === '404.html').length;
  } catch {
    // No folder to read: Pagefind says so itself, below.
  }
  return 5 * 60_000 + 60 * pages;
}

/**
 * Builds the Pagefind index of the site in `site` into `<site>/pagefind/`, from its pages only
 * (`index.html` and `404.html`, not email editions), and of them only what `data-pagefind-body` marks
 * (src/lib/search-index.ts). Its binary can crash without ending, so it is stopped after `timeoutMs`.
 * Fails with an AstroError that quotes Pagefind. Resolves to the number of pages indexed.
 * @example await indexSite('.build/next') // => { pages: 1210, outputPath: '.build/next/pagefind' }
 */
export async function indexSite(site: string, { timeoutMs = pagefindTimeout(site) } = {}) {
  const outputPath = path.join(site, PAGEFIND_FOLDER);
  const args = ['--site', site, '--output-path', outputPath, '--glob', '**/{index,404}.html'];
  const { code, killed, stdout, stderr } = await new Promise<{
    code: number;
    killed: boolean;
    stdout: string;
    stderr: string;
  }>((resolve) => {
    try {
      // Pagefind's binary crashes rather than answering when it cannot write, so check first.
      fs.accessSync(site, fs.constants.W_OK);
      execFile(pagefindBinary(), args, { timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, out, err) =>
        resolve({
          code: error ? 1 : 0,
          killed: Boolean(error?.killed),
          stdout: out,
          stderr: err || (error?.message ?? ''),
        }),
      );
    } catch (error) {
      resolve({ code: 1, killed: false, stdout: '', stderr: (error as Error).message });
    }
  });
  if (killed) {
    throw indexingError(site, [
      `Pagefind did not finish within ${timeoutMs / 1000} seconds. If it crashed, its message is printed above.`,
    ]);
  }
  if (code !== 0) {
    const lines = `${stderr}\n${stdout}`.split('\n').map((line) => line.trim());
    const errors = lines.filter((line) => /error/i.test(line));
    throw indexingError(site, errors.length > 0 ? errors : lines.filter(Boolean).slice(-5));
  }
  return { pages: pageCount(outputPath), outputPath };
}
