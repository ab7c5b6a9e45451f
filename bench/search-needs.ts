/**
 * Runs the judged set of needs (bench/search-needs.yaml and bench/search-needs-second.yaml) through the search page in Chromium on a built site and
 * prints success@1, success@5 and mean reciprocal rank, with every need that was not met first; then the bytes
 * and time to first results on the 1,000-issue synthetic corpus (bench/search-bytes.ts, as `npm run bench`).
 *
 *   npm run bench:search                         # the needs on dist/, then the corpus (built if missing)
 *   npm run bench:search -- --no-corpus          # the needs only
 *   npm run bench:search -- --no-corpus --needs bench/search-needs-second.yaml   # one file of needs only
 *   npm run bench:search -- --site DIR --corpus-site DIR
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveDir } from '../e2e/support/server.ts';
import { NEEDS_FILES, rankOf, readJudgedSet, scores, type Need, type Shown } from './search-judged.ts';
import { measureSearch } from './search-bytes.ts';

/** The search page's pause after the last key before it shows results, read from DEBOUNCE_MS in src/scripts/search.ts. */
function typingPause(): number {
  const match = /const DEBOUNCE_MS = (\d+);/.exec(fs.readFileSync('src/scripts/search.ts', 'utf8'));
  if (!match) throw new Error('src/scripts/search.ts has no line "const DEBOUNCE_MS = N;"');
  return Number(match[1]);
}

/** Opens the search page for a query and reads what it shows, as the reader sees it. */
export async function showFor(page: Page, origin: string, query: string): Promise<Shown> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor();
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.app-search-results__item')];
    const results = items.map((item) => {
      const links = [...item.querySelectorAll<HTMLAnchorElement>('h2 a, .app-search-results__section > a')];
      const url = new URL(links[0].href);
      return {
        path: url.pathname,
        anchors: links.map((a) => new URL(a.href).hash.replace(/^#/, '').split(':~:')[0]).filter(Boolean),
      };
    });
    const all = document.querySelector<HTMLElement>('#search-results')?.dataset.allWords;
    return { results, allWords: all === undefined ? results.length : Number(all) };
  });
}

/** Runs every need on the site in `dir`; returns each need's rank and what the first results were. */
export async function judge(dir: string, needs: Need[]): Promise<{ need: Need; rank: number; top: string[] }[]> {
  const server = await serveDir(dir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const judged = [];
    for (const need of needs) {
      const shown = await showFor(page, server.origin, need.query);
      const top = shown.results.slice(0, 5).map((r) => `${r.path}${r.anchors[0] ? `#${r.anchors[0]}` : ''}`);
      judged.push({ need, rank: rankOf(need, shown), top });
    }
    return judged;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      'corpus-site': { type: 'string', default: 'bench/tmp/search-site' },
      'no-corpus': { type: 'boolean', default: false },
      needs: { type: 'string', multiple: true },
    },
  });
  if (!fs.existsSync(`${values.site}/search/index.html`)) {
    console.error(`No built site in ${values.site}/: run "npm run build" first (with SITE_URL set).`);
    process.exit(1);
  }
  const files = values.needs ?? NEEDS_FILES;
  const needs = readJudgedSet(files);
  const judged = await judge(values.site, needs);
  const { success1, success5, mrr } = scores(judged.map((j) => j.rank));
  console.log(`Judged set (${files.join(', ')}): ${needs.length} needs on ${values.site}/`);
  for (const { need, rank, top } of judged.filter((j) => j.rank !== 1))
    console.log(
      `  ${rank === 0 ? 'not in first results' : `rank ${rank}`}: ‘${need.query}’ (${need.who})\n      wanted ${
        need.answers === 'none' ? 'no page with every word' : need.answers.join(' or ')
      }\n      shown  ${top.join(', ') || 'nothing'}`,
    );
  console.log('');
  if (files.length > 1)
    for (const file of files) {
      const part = scores(judged.filter((j) => j.need.file === file).map((j) => j.rank));
      const count = needs.filter((n) => n.file === file).length;
      console.log(
        `${file} (${count} needs): success@1 ${part.success1.toFixed(2)}   success@5 ${part.success5.toFixed(2)}   MRR ${part.mrr.toFixed(2)}`,
      );
    }
  console.log(`success@1 ${success1.toFixed(2)}   success@5 ${success5.toFixed(2)}   MRR ${mrr.toFixed(2)}\n`);

  if (values['no-corpus']) return;
  const corpus = values['corpus-site'];
  if (!fs.existsSync(`${corpus}/search/index.html`)) {
    console.log(`Building the 1,000-issue synthetic corpus into ${corpus}/ (takes a few minutes)…`);
    const run = (command: string, args: string[], env: Record<string, string> = {}) => {
      const done = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
      if (done.status !== 0) process.exit(done.status ?? 1);
    };
    run('node', ['bench/run.ts', '--corpus-only', '--out', 'bench/corpus']);
    run('node', ['cli/build.ts', '--dist', corpus], {
      CONTENT_DIR: 'bench/corpus',
      SITE_URL: process.env.SITE_URL ?? 'https://bench.liaison-and-diversion.test',
    });
  }
  // The budgeted figures (issue 8's first-query budget, issue 24's time to results), measured as `npm run bench`
  // does: served with the precompressed files, fresh cache. A query of one word and one of several (each word
  // is its own Pagefind search, so the second shows what "every word counts" costs).
  console.log(`1,000-issue synthetic corpus (${corpus}/), served with its precompressed files:`);
  for (const [query, typed] of [
    ['screening', 'assessment'],
    ['child in police custody', 'screening children police custody'],
  ]) {
    const load = await measureSearch(corpus, query, typed);
    console.log(
      `  first query ‘${query}’: ${(load.search.bytes / 1024).toFixed(1)} KB in ${load.search.requests} requests ` +
        `under /pagefind/ (${load.fragments} result fragments), plus ${(load.page.bytes / 1024).toFixed(1)} KB for the page`,
    );
    if (load.lastKeyMs !== undefined) {
      const pause = typingPause();
      console.log(
        `  last key of ‘${typed}’ to results shown: ${load.lastKeyMs.toFixed(0)} ms (median of 5 runs) = typing ` +
          `pause ${pause} ms + work ${(load.lastKeyMs - pause).toFixed(0)} ms`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
