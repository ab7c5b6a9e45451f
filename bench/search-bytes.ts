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
export async function measureSearch(dist: string, query: string): Promise<SearchLoad> {
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
      // Search runs after the page loads (and may be debounced): wait for a quiet second, at most 20 s.
      const deadline = performance.now() + 20_000;
      while (performance.now() - last < 1000 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await Promise.all(pending);
      await context.close();
      return run ? responses.slice(before) : responses;
    };
    const viaPage = splitTransfers(await load(`/search/?q=${encodeURIComponent(query)}`));
    if (viaPage.fragments > 0) return { query, method: 'search page', ...viaPage };
    // The page did not search: count only what the query itself fetches, on a page without script.
    const viaApi = splitTransfers(await load('/404.html', API_QUERY));
    return {
      query,
      method: 'pagefind API',
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
