import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveDir } from '../e2e/support/server.ts';

/** Bytes and requests of one group of responses. */
export interface Transfer {
  /** Response bodies as sent (compressed if the server compressed them). */
  bytes: number;
  requests: number;
}

/** What loading the search page with a query fetched. */
export interface SearchLoad {
  query: string;
  /** Everything under /pagefind/: the search library, its WebAssembly, index chunks and result fragments. */
  search: Transfer;
  /** The search page itself: its HTML, CSS and scripts outside /pagefind/. */
  page: Transfer;
  total: Transfer;
  /** Result fragments fetched: more than 0 means the query ran and found pages. */
  fragments: number;
  /**
   * How the query was made: through the site's search page, or, where that page does not search
   * (yet), through Pagefind's JavaScript API as its default UI does (search, then the first 5 results).
   */
  method: 'search page' | 'pagefind API';
  /** The spelling word list (`/search-words.txt`), fetched only when a search finds nothing: bytes as written and precompressed. */
  wordList: { raw: number; gzip: number; brotli: number };
  /** Median milliseconds from the last key of `typed` to its results on the page (includes the typing pause, DEBOUNCE_MS). */
  lastKeyMs?: number;
  typed?: string;
}

/** Sizes of a file and its precompressed copies (0 where missing). */
function fileSizes(file: string): { raw: number; gzip: number; brotli: number } {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return { raw: size(file), gzip: size(`${file}.gz`), brotli: size(`${file}.br`) };
}

/**
 * Times, in a fresh context each run, from the last key of `typed` (typed into the search page's box) to the
 * status line announcing its results; the median of `runs`.
 */
async function lastKeyToResults(browser: Browser, origin: string, typed: string, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { marks: { typed: number; shown: number } };
      w.marks = { typed: 0, shown: 0 };
      document.addEventListener('DOMContentLoaded', () => {
        const status = document.querySelector('#search-status')!;
        new MutationObserver(() => (w.marks.shown = performance.now())).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        });
        document.querySelector('#search-query')!.addEventListener('input', () => (w.marks.typed = performance.now()));
      });
    });
    await page.goto(`${origin}/search/`);
    await page.locator('#search-filters input').first().waitFor();
    await page.locator('#search-query').pressSequentially(typed);
    await page
      .locator('#search-status')
      .filter({ hasText: `‘${typed}’` })
      .waitFor();
    times.push(
      await page.evaluate(() => {
        const { marks } = window as unknown as { marks: { typed: number; shown: number } };
        return marks.shown - marks.typed;
      }),
    );
    await context.close();
  }
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const empty = (): Transfer => ({ bytes: 0, requests: 0 });

/**
 * Splits responses into Pagefind's and the page's own.
 * @example splitTransfers([{ url: 'http://h/pagefind/pagefind.js', bytes: 10 }]) // => { search: { bytes: 10, requests: 1 }, … }
 */
export function splitTransfers(responses: { url: string; bytes: number }[]) {
  const search = empty();
  const page = empty();
  let fragments = 0;
  for (const { url, bytes } of responses) {
    const { pathname } = new URL(url);
    const group = pathname.startsWith('/pagefind/') ? search : page;
    group.bytes += bytes;
    group.requests += 1;
    if (pathname.endsWith('.pf_fragment')) fragments += 1;
  }
  return {
    search,
    page,
    total: { bytes: search.bytes + page.bytes, requests: search.requests + page.requests },
    fragments,
  };
}

// Runs in the browser: a first query the way Pagefind's own UI makes it.
const API_QUERY = `async (query) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.options({});
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
  return search.results.length;
}`;

/**
 * Opens `/search/?q=<query>` of a built site in Chromium, served from 127.0.0.1 with its precompressed
 * files, waits until the network has been quiet for a second, and adds up what was fetched. If that
 * page fetched no search results, the query is made again in a fresh browser through Pagefind's API.
 */
export async function measureSearch(dist: string, query: string, typed = 'assessment'): Promise<SearchLoad> {
  const wordList = fileSizes(path.join(dist, 'search-words.txt'));
  const server = await serveDir(dist, { precompressed: true });
  const browser = await launchBrowser();
  try {
    const load = async (path: string, run?: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const responses: { url: string; bytes: number }[] = [];
      const pending: Promise<void>[] = [];
      let last = performance.now();
      page.on('request', () => {
        last = performance.now();
      });
      page.on('requestfinished', (request) => {
        last = performance.now();
        pending.push(
          request.sizes().then((sizes) => {
            responses.push({ url: request.url(), bytes: sizes.responseBodySize });
          }),
        );
      });
      await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      const before = responses.length;
      if (run) await page.evaluate(`(${run})(${JSON.stringify(query)})`);
      // Search runs after the page loads (and may be debounced, and Pagefind compiles its WebAssembly
      // first): wait for the first result fragment, then for a quiet second; at most 30 s.
      const deadline = performance.now() + 30_000;
      const fragmentSeen = () => responses.some((r) => r.url.endsWith('.pf_fragment'));
      while (performance.now() < deadline && (!fragmentSeen() || performance.now() - last < 1000)) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await Promise.all(pending);
      await context.close();
      return run ? responses.slice(before) : responses;
    };
    const viaPage = splitTransfers(await load(`/search/?q=${encodeURIComponent(query)}`));
    if (viaPage.fragments > 0) {
      const lastKeyMs = await lastKeyToResults(browser, server.origin, typed);
      return { query, method: 'search page', ...viaPage, wordList, lastKeyMs, typed };
    }
    // The page did not search: count only what the query itself fetches, on a page without script.
    const viaApi = splitTransfers(await load('/404.html', API_QUERY));
    return {
      query,
      method: 'pagefind API',
      wordList,
      ...viaApi,
      page: viaPage.page,
      total: {
        bytes: viaApi.search.bytes + viaPage.page.bytes,
        requests: viaApi.search.requests + viaPage.page.requests,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
