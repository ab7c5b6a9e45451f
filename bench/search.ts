/**
 * Measures search on a built site: the search page's own bytes, the bytes a first query fetches and the time to
 * results. It prints figures; it is not a test.
 *
 *   node bench/search.ts [site folder, default dist] [first query] [typed query]
 *
 * Each run uses a fresh browser context (empty cache). Bytes are counted at the server, so requests from
 * Pagefind's worker are included; "gzip" is what a host compressing responses would send.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import sirv from 'sirv';
import { launchBrowser } from '../e2e/support/browser.ts';

const [site = 'dist', firstQuery = 'screening', typedQuery = 'assessment'] = process.argv.slice(2);
const RUNS = 5;

interface Sent {
  url: string;
  raw: number;
  gzip: number;
}

const gzipSize = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Serves the site on 127.0.0.1, recording every response body's size. */
async function countingServer(root: string) {
  const files = sirv(root, { dev: false, extensions: ['html'] });
  const sent: Sent[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: Buffer | string, ...rest: never[]) => {
      if (chunk) chunks.push(Buffer.from(chunk));
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: Buffer | string, ...rest: never[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
      const body = Buffer.concat(chunks);
      sent.push({ url: req.url ?? '', raw: body.length, gzip: gzipSize(body) });
      return end(chunk as never, ...rest);
    }) as typeof res.end;
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, sent, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The search page's own files: HTML, stylesheets, scripts (inline and bundled), raw and gzip. */
function pageFiles(root: string): { name: string; raw: number; gzip: number }[] {
  const html = fs.readFileSync(path.join(root, 'search', 'index.html'));
  const text = html.toString();
  const linked = [...text.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]);
  const inline = [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1]));
  return [
    { name: 'search/index.html', raw: html.length, gzip: gzipSize(html) },
    ...linked.map((url) => {
      const body = fs.readFileSync(path.join(root, url));
      return { name: url, raw: body.length, gzip: gzipSize(body) };
    }),
    ...inline.map((body) => ({ name: '(inline script, in the HTML)', raw: body.length, gzip: gzipSize(body) })),
  ];
}

function total(sent: Sent[], filter: (s: Sent) => boolean) {
  const picked = sent.filter(filter);
  return {
    requests: picked.length,
    raw: picked.reduce((n, s) => n + s.raw, 0),
    gzip: picked.reduce((n, s) => n + s.gzip, 0),
  };
}

async function main() {
  const root = path.resolve(site);
  if (!fs.existsSync(path.join(root, 'pagefind', 'pagefind.js'))) {
    console.error(`${root} has no search index (pagefind/pagefind.js). Build the site first: npm run build`);
    process.exit(1);
  }
  const entry = JSON.parse(fs.readFileSync(path.join(root, 'pagefind', 'pagefind-entry.json'), 'utf8'));
  const server = await countingServer(root);
  const browser = await launchBrowser();
  const firstMs: number[] = [];
  const typedMs: number[] = [];
  let firstLoad: Sent[] = [];
  let resultCount = '';
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Times, in ms since navigation started, when the result count changes and when a key is typed.
      await page.addInitScript(() => {
        const w = window as unknown as { marks: { results: number[]; typed: number } };
        w.marks = { results: [], typed: 0 };
        document.addEventListener('DOMContentLoaded', () => {
          const status = document.querySelector('#search-status')!;
          new MutationObserver(() => status.textContent && w.marks.results.push(performance.now())).observe(status, {
            childList: true,
            characterData: true,
            subtree: true,
          });
          document.querySelector('#search-query')!.addEventListener('input', () => (w.marks.typed = performance.now()));
        });
      });
      server.sent.length = 0;
      await page.goto(`${server.origin}/search/?q=${encodeURIComponent(firstQuery)}`);
      await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor();
      await page.waitForLoadState('networkidle');
      firstMs.push(await page.evaluate(() => (window as unknown as { marks: { results: number[] } }).marks.results[0]));
      resultCount = (await page.locator('#search-status').textContent()) ?? '';
      if (run === 0) firstLoad = [...server.sent];

      await page.locator('#search-query').fill('');
      await page.locator('#search-query').pressSequentially(typedQuery);
      await page.locator('#search-status').filter({ hasText: typedQuery }).waitFor();
      typedMs.push(
        await page.evaluate(() => {
          const { marks } = window as unknown as { marks: { results: number[]; typed: number } };
          return marks.results.at(-1)! - marks.typed;
        }),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
    (n, l) => n + l.page_count,
    0,
  );
  console.log(`Search on ${root}: ${pages} indexed pages; ${RUNS} runs in Chromium, fresh cache each; medians.\n`);
  console.log('The search page (the only page with script):');
  for (const file of pageFiles(root))
    console.log(`  ${file.name.padEnd(58)} ${kB(file.raw)} raw, ${kB(file.gzip)} gzip`);

  const own = total(firstLoad, (s) => !s.url.startsWith('/pagefind/'));
  const index = total(firstLoad, (s) => s.url.startsWith('/pagefind/'));
  const fragments = firstLoad.filter((s) => s.url.includes('.pf_fragment')).length;
  console.log(`\nFirst query: /search/?q=${firstQuery} (${resultCount}), opened with an empty cache:`);
  console.log(`  page (HTML, CSS, JS, icon)  ${own.requests} requests, ${kB(own.raw)} raw, ${kB(own.gzip)} gzip`);
  console.log(
    `  Pagefind (library, worker, wasm, index, ${fragments} result fragments)  ${index.requests} requests, ` +
      `${kB(index.raw)} raw, ${kB(index.gzip)} gzip`,
  );
  for (const s of firstLoad.filter((s) => s.url.startsWith('/pagefind/')))
    console.log(`    ${s.url.replace(/\?.*$/, '').padEnd(52)} ${kB(s.raw)}`);
  console.log(`\nTime to results:`);
  console.log(`  opening /search/?q=${firstQuery} to results shown   ${median(firstMs).toFixed(0)} ms`);
  console.log(
    `  last key of "${typedQuery}" to results shown        ${median(typedMs).toFixed(0)} ms (includes 250 ms debounce)`,
  );
}

await main();
