import { AstroError } from 'astro/errors';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Where the index goes inside the built site; the search page loads `/pagefind/pagefind.js`. */
export const PAGEFIND_FOLDER = 'pagefind';

export interface PagefindIndexOptions {
  /**
   * How long Pagefind may take before the build gives up. Its binary can crash without ending (it prints
   * its own message first); without a limit the build would wait for ever. Default: 5 minutes.
   */
  timeoutMs?: number;
}

/** What indexing a site did. */
export interface IndexResult {
  /** Pages Pagefind indexed: those with `data-pagefind-body`. */
  pages: number;
  /** The folder the index was written to. */
  outputPath: string;
}

/**
 * A build error that quotes Pagefind's messages and says what to do. It has no stack trace:
 * the cause is in the content or the output folder, not in our code.
 */
function indexingError(site: string, messages: string[]): AstroError {
  const error = new AstroError(
    `Pagefind could not index the pages in ${site}, so the build stopped: the site would have been published without working search.\n` +
      messages.map((m) => `  - ${m}`).join('\n'),
    'Each line starting with "-" is Pagefind’s own message; if Pagefind crashed, its report is printed just before ' +
      'this error. Fix what it names and run `npm run build` again.',
  );
  error.stack = '';
  return error;
}

/**
 * Pagefind's binary for this machine, found the way the pagefind package's own runner finds it
 * (`pagefind/lib/resolveBinary.js`, which the package does not export): a path in
 * PAGEFIND_EXTENDED_BINARY_PATH or PAGEFIND_BINARY_PATH, else the platform package npm installed.
 * Run directly rather than through that runner, so a stuck binary can be stopped.
 */
function pagefindBinary(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const fromEnv = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnv) return fromEnv;
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const require = createRequire(import.meta.url);
  for (const name of names) {
    try {
      return require.resolve(
        `@pagefind/${platform}-${process.arch}/bin/${name}${platform === 'windows' ? '.exe' : ''}`,
      );
    } catch {
      // Not this one: try the next name.
    }
  }
  throw new Error(`Pagefind has no binary installed for ${platform}-${process.arch}: run \`npm ci\`.`);
}

/** Runs Pagefind to its end, or until `timeoutMs`; resolves to its exit code (null if it was stopped) and output. */
function runPagefind(
  binary: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (out.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 1, stdout: out.stdout, stderr: `${out.stderr}${error.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal === 'SIGKILL' ? null : (code ?? 1), ...out });
    });
  });
}

/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`. It indexes the folder it is
 * given (not a fixed `dist/`), so a build into a temporary folder indexes that one. Only pages are read
 * (`index.html` and `404.html`, not email editions), and of them only elements marked
 * `data-pagefind-body` are indexed (see `src/lib/search-index.ts`). Fails with an AstroError that quotes
 * Pagefind. Its command-line program indexed 1,000 issues in 2.4–3.9 s where its Node API took 4.4–4.6 s
 * (bench/README.md).
 * @example await indexSite('.build/next') // => { pages: 1210, outputPath: '.build/next/pagefind' }
 */
export async function indexSite(
  site: string,
  { timeoutMs = 5 * 60_000 }: PagefindIndexOptions = {},
): Promise<IndexResult> {
  const outputPath = path.join(site, PAGEFIND_FOLDER);
  try {
    // Pagefind's binary crashes rather than answering when it cannot write, so check first.
    fs.accessSync(site, fs.constants.W_OK);
  } catch (error) {
    throw indexingError(site, [error instanceof Error ? error.message : String(error)]);
  }
  const args = ['--site', site, '--output-path', outputPath, '--glob', '**/{index,404}.html'];
  let binary: string;
  try {
    binary = pagefindBinary();
  } catch (error) {
    throw indexingError(site, [(error as Error).message]);
  }
  const { code, stdout, stderr } = await runPagefind(binary, args, timeoutMs);
  if (code === null) {
    throw indexingError(site, [
      `Pagefind did not finish within ${timeoutMs / 1000} seconds. If it crashed, its message is printed above.`,
    ]);
  }
  if (code !== 0) {
    const lines = `${stderr}\n${stdout}`.split('\n').map((line) => line.trim());
    const errors = lines.filter((line) => /error/i.test(line));
    throw indexingError(site, errors.length > 0 ? errors : lines.filter(Boolean).slice(-5));
  }
  return { pages: Number(/Indexed (\d+) pages?/.exec(stdout)?.[1] ?? 0), outputPath };
}
