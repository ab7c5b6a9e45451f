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

/**
 * Opens `/search/?q=<query>` of a built site in Chromium, served from 127.0.0.1 with its precompressed
 * files, waits until the network has been quiet for a second, and adds up what was fetched.
 */
export async function measureSearch(dist: string, query: string): Promise<SearchLoad> {
  const server = await serveDir(dist, { precompressed: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const responses: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    let last = performance.now();
    page.on('requestfinished', (request) => {
      last = performance.now();
      pending.push(
        request.sizes().then((sizes) => {
          responses.push({ url: request.url(), bytes: sizes.responseBodySize });
        }),
      );
    });
    page.on('request', () => {
      last = performance.now();
    });
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
    // Search runs after the page loads (and may be debounced): wait for a quiet second, at most 20 s.
    const deadline = performance.now() + 20_000;
    while (performance.now() - last < 1000 && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.all(pending);
    return { query, ...splitTransfers(responses) };
  } finally {
    await browser.close();
    await server.close();
  }
}
