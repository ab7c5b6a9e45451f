import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBuildLog, seconds } from './build-run.ts';
import { bytesOf, dirSize, firstLoad, gzipSize, htmlFileFor, pagesWithScript } from './measure.ts';
import { pssBytes, readProcesses, treeMemory } from './process-tree.ts';
import { splitTransfers } from './search-bytes.ts';

let dist: string;
const write = (relative: string, content: string) => {
  const file = path.join(dist, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
};
const CSS = `body{color:#212b32}${'.app-x{margin:0}'.repeat(50)}`;
const JS = `console.log(${'1+'.repeat(100)}1)`;
const PRINT = `@media print{${'.app-x{display:none}'.repeat(20)}}`;
const PAGE = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><style>p{margin:0}</style></head><body><p>${'Text. '.repeat(100)}</p><link rel="stylesheet" href="/_astro/print.css" media="print"></body></html>`;
const SEARCH = `<!doctype html><html><head><link rel="stylesheet" href="../_astro/site.css"><link rel="modulepreload" href="/_astro/search.js"><script type="module" src="/_astro/search.js"></script><script>window.x=1</script></head><body></body></html>`;

beforeAll(() => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-test-'));
  write('_astro/site.css', CSS);
  write('_astro/search.js', JS);
  write('_astro/print.css', PRINT);
  write('index.html', PAGE);
  write('bulletins/2015-05/index.html', PAGE);
  write('search/index.html', SEARCH);
  write('other/index.html', '<p>external <link rel="stylesheet" href="https://cdn.example/x.css"></p>');
  write('index.html.gz', 'not counted');
  write(
    'bulletins/2015-07/index.html',
    '<script type="application/ld+json">{"@type":"NewsArticle"}</script><p>Issue</p>',
  );
});
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('gzipSize and bytesOf', () => {
  it('measure what zlib at level 9 makes', () => {
    expect(gzipSize(CSS)).toBe(zlib.gzipSync(CSS, { level: 9 }).length);
    expect(bytesOf(CSS)).toEqual({ raw: CSS.length, gzip: zlib.gzipSync(CSS, { level: 9 }).length });
    expect(bytesOf('é').raw).toBe(2);
  });
});

describe('htmlFileFor', () => {
  it('maps a site path to its file', () => {
    expect(htmlFileFor('dist', '/')).toBe(path.join('dist', 'index.html'));
    expect(htmlFileFor('dist', '/bulletins/2015-05/?q=x#top')).toBe(path.join('dist', 'bulletins/2015-05/index.html'));
    expect(htmlFileFor('dist', '/404.html')).toBe(path.join('dist', '404.html'));
  });
});

describe('firstLoad', () => {
  it('adds the page and the stylesheet it links, with inline CSS counted in the HTML', () => {
    const load = firstLoad(dist, '/bulletins/2015-05/');
    expect(load.html).toEqual(bytesOf(PAGE));
    expect(load.css).toEqual(bytesOf(CSS));
    expect(load.js).toEqual({ raw: 0, gzip: 0 });
    expect(load.total.gzip).toBe(bytesOf(PAGE).gzip + bytesOf(CSS).gzip);
    expect(load.requests).toBe(2);
    expect(load.scripts).toBe(0);
  });

  it('leaves a print-only stylesheet out of the first load, reporting it apart', () => {
    const load = firstLoad(dist, '/bulletins/2015-05/');
    expect(load.printCss).toEqual(bytesOf(PRINT));
    expect(load.total.gzip).toBe(bytesOf(PAGE).gzip + bytesOf(CSS).gzip);
  });

  it('counts a script once however it is linked, and resolves relative links', () => {
    const load = firstLoad(dist, '/search/');
    expect(load.css).toEqual(bytesOf(CSS));
    expect(load.js).toEqual(bytesOf(JS));
    expect(load.requests).toBe(3);
    expect(load.scripts).toBe(2);
  });

  it('reports stylesheets on other hosts', () => {
    expect(firstLoad(dist, '/other/').external).toEqual(['https://cdn.example/x.css']);
  });
});

describe('pagesWithScript', () => {
  it('finds every page with a script element that runs, not JSON-LD data', () => {
    expect(pagesWithScript(dist)).toEqual(['/search/']);
  });
});

describe('dirSize', () => {
  it('counts files and bytes, optionally filtered', () => {
    const all = dirSize(dist);
    const plain = dirSize(dist, (f) => !f.endsWith('.gz'));
    expect(all.files).toBe(9);
    expect(plain.files).toBe(8);
    expect(all.bytes - plain.bytes).toBe('not counted'.length);
    expect(dirSize(path.join(dist, 'missing'))).toEqual({ files: 0, bytes: 0 });
  });
});

describe('splitTransfers', () => {
  it("separates Pagefind's requests from the page's and counts result fragments", () => {
    const result = splitTransfers([
      { url: 'http://127.0.0.1:1/search/?q=x', bytes: 3000 },
      { url: 'http://127.0.0.1:1/pagefind/pagefind.js', bytes: 10000 },
      { url: 'http://127.0.0.1:1/pagefind/fragment/en_1.pf_fragment', bytes: 500 },
    ]);
    expect(result.search).toEqual({ bytes: 10500, requests: 2 });
    expect(result.page).toEqual({ bytes: 3000, requests: 1 });
    expect(result.total).toEqual({ bytes: 13500, requests: 3 });
    expect(result.fragments).toBe(1);
  });
});

describe('parseBuildLog', () => {
  it('reads page count and step times from an Astro build log', () => {
    const log = [
      '23:19:24 [vite] ✓ built in 6.89s',
      '23:19:24 [vite] ✓ built in 60ms',
      ' generating static routes ',
      '23:19:29   ├─ /index.html (+7ms)',
      '23:19:29 ✓ Completed in 1m 4.5s.',
      '23:19:29 [build] 1217 page(s) built in 16.36s',
      'Finished the site in 1.40s.',
    ].join('\n');
    expect(parseBuildLog(log)).toEqual({
      pages: 1217,
      steps: { 'vite bundle': 6.89, 'render pages': 64.5, 'finishing (search index, compression)': 1.4 },
    });
    expect(parseBuildLog('nothing')).toEqual({ pages: undefined, steps: {} });
  });
});

describe('seconds', () => {
  it("reads Astro's durations", () => {
    expect(seconds('850ms')).toBe(0.85);
    expect(seconds('4.54s')).toBe(4.54);
    expect(seconds('1m 24s')).toBe(84);
    expect(seconds('soon')).toBeNaN();
  });
});

describe('treeMemory', () => {
  it('adds a process and its descendants only', () => {
    const table = new Map([
      [1, { ppid: 0, rss: 100, name: 'init' }],
      [10, { ppid: 1, rss: 20, name: 'npm' }],
      [11, { ppid: 10, rss: 300, name: 'node' }],
      [12, { ppid: 11, rss: 50, name: 'pagefind' }],
      [20, { ppid: 1, rss: 999, name: 'other' }],
    ]);
    expect(treeMemory(table, 10)).toEqual({
      total: 370,
      largest: 300,
      largestName: 'node',
      processes: 3,
      pids: [10, 11, 12],
    });
    expect(treeMemory(table, 99)).toEqual({ total: 0, largest: 0, largestName: '', processes: 0, pids: [] });
  });

  it('reads this process from /proc', () => {
    const self = treeMemory(readProcesses(), process.pid);
    expect(self.processes).toBeGreaterThanOrEqual(1);
    expect(self.total).toBeGreaterThan(10 * 1024 * 1024);
  });
});

describe('pssBytes', () => {
  it("counts this process's pages, shared ones in part, so no more than its resident memory", () => {
    const rss = readProcesses().get(process.pid)!.rss;
    const pss = pssBytes(process.pid);
    expect(pss).toBeGreaterThan(10 * 1024 * 1024);
    expect(pss).toBeLessThanOrEqual(rss);
  });

  it('is 0 for a process that is not there', () => {
    expect(pssBytes(2 ** 22 + 1)).toBe(0);
  });
});
