/**
 * Runs the judged set of needs (bench/search-needs.yaml) through the search page in Chromium on a built site and
 * prints success@1, success@5 and mean reciprocal rank, with every need that was not met in the first five;
 * then the bytes and time to first results on the 1,000-issue synthetic corpus (bench/search.ts).
 *
 *   npm run bench:search                         # the needs on dist/, then the corpus (built if missing)
 *   npm run bench:search -- --no-corpus          # the needs only
 *   npm run bench:search -- --site DIR --corpus-site DIR
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser.ts';
import { serveDir } from '../e2e/support/server.ts';
import { rankOf, readNeeds, scores, type Need, type Shown } from './search-judged.ts';

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
      'corpus-site': { type: 'string', default: '.build/bench-search' },
      'no-corpus': { type: 'boolean', default: false },
    },
  });
  if (!fs.existsSync(`${values.site}/search/index.html`)) {
    console.error(`No built site in ${values.site}/: run "npm run build" first (with SITE_URL set).`);
    process.exit(1);
  }
  const needs = readNeeds();
  const judged = await judge(values.site, needs);
  const { success1, success5, mrr } = scores(judged.map((j) => j.rank));
  console.log(`Judged set (bench/search-needs.yaml): ${needs.length} needs on ${values.site}/`);
  for (const { need, rank, top } of judged.filter((j) => j.rank !== 1))
    console.log(
      `  ${rank === 0 ? 'not in first results' : `rank ${rank}`}: ‘${need.query}’ (${need.who})\n      wanted ${
        need.answers === 'none' ? 'no page with every word' : need.answers.join(' or ')
      }\n      shown  ${top.join(', ') || 'nothing'}`,
    );
  console.log(`\nsuccess@1 ${success1.toFixed(2)}   success@5 ${success5.toFixed(2)}   MRR ${mrr.toFixed(2)}\n`);

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
  const measured = spawnSync('node', ['bench/search.ts', corpus, 'screening', 'assessment'], { stdio: 'inherit' });
  process.exit(measured.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
