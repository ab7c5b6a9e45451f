import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FINISH_AFTER_ASTRO,
  finishBuiltSite,
  finishEmailEditions,
  finishSite,
  finishWrittenFile,
} from './finish-site.ts';

const EMAIL = `<!DOCTYPE html><html lang="en"><head><title>May 2015</title><style>p { color: #212b32; } @media (max-width: 620px) { p { margin: 0 !important; } }</style></head><body><p>See <a href="https://x.org/bulletins/">past issues</a>.</p></body></html>`;
const editions = (...lines: { file: string; html: string }[]) =>
  lines.map((line) => `${JSON.stringify(line)}\n`).join('');
const EDITIONS = editions({ file: 'bulletins/2015-05/email.html', html: EMAIL });
const PAGE = `<html lang="en"><body><main data-pagefind-body><h1>Screening</h1><p>${'Liaison and diversion. '.repeat(50)}</p></main></body></html>`;

const temp: string[] = [];
function site(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finish-site-test-'));
  temp.push(dir);
  for (const [file, text] of [
    ['index.html', PAGE],
    ['bulletins/2015-05/index.html', PAGE],
    ['bulletins/email-editions.ndjson', EDITIONS],
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
afterEach(() => {
  temp.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
  delete process.env[FINISH_AFTER_ASTRO];
});

type BuildDone = NonNullable<ReturnType<typeof finishSite>['hooks']['astro:build:done']>;
async function buildDone(dir: string, log: string[]) {
  const hook = finishSite().hooks['astro:build:done'] as BuildDone;
  const logger = { info: (m: string) => log.push(m), warn: (m: string) => log.push(m) };
  await hook({
    dir: pathToFileURL(`${dir}/`),
    logger,
    pages: [],
    assets: new Map(),
  } as unknown as Parameters<BuildDone>[0]);
}

describe('finishBuiltSite', () => {
  it("indexes the pages and compresses what readers fetch, the index's own files included", async () => {
    const dir = site();
    const log: string[] = [];
    await finishBuiltSite(dir, (line) => log.push(line));
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'bulletins/2015-05/index.html.gz'))).toBe(true);
    expect(log[0]).toBe(`Search index written to ${path.join(dir, 'pagefind')} from 2 pages.`);
  });

  it('leaves email editions, which are downloads for editors, uncompressed', async () => {
    const dir = site();
    await finishBuiltSite(dir, () => {});
    expect(fs.readdirSync(path.join(dir, 'bulletins'))).toEqual(['2015-05']);
    expect(fs.readdirSync(path.join(dir, 'bulletins/2015-05')).sort()).toEqual([
      'email.html',
      'email.txt',
      'index.html',
      'index.html.br',
      'index.html.gz',
    ]);
  });
});

describe('finishEmailEditions', () => {
  it('writes out each edition Astro rendered, styles inlined, with its plain text beside it, and removes what it read', async () => {
    const dir = site();
    expect(await finishEmailEditions(dir)).toBe(1);
    expect(fs.existsSync(path.join(dir, 'bulletins/email-editions.ndjson'))).toBe(false);
    const html = fs.readFileSync(path.join(dir, 'bulletins/2015-05/email.html'), 'utf8');
    expect(html).toContain('<p style="color: #212b32;">See');
    expect([...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1].trim())).toEqual([
      '@media (max-width: 620px) { p { margin: 0 !important; } }',
    ]);
    expect(fs.readFileSync(path.join(dir, 'bulletins/2015-05/email.txt'), 'utf8')).toBe(
      'See past issues <https://x.org/bulletins/>.\n',
    );
  });

  it('stops with the issue named when an edition is too big for Gmail to show whole', async () => {
    const dir = site();
    fs.writeFileSync(
      path.join(dir, 'bulletins/email-editions.ndjson'),
      editions({ file: 'bulletins/2015-05/email.html', html: EMAIL.replace('<p>', `<p>${'word '.repeat(25_000)}`) }),
    );
    const error = await finishEmailEditions(dir).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^The email edition of bulletins\/2015-05 is 1\d\d KB, over the 102 KB/);
  });

  it('writes nothing outside the email editions’ places', async () => {
    const dir = site();
    fs.writeFileSync(
      path.join(dir, 'bulletins/email-editions.ndjson'),
      editions({ file: '../x/email.html', html: EMAIL }),
    );
    await expect(finishEmailEditions(dir)).rejects.toThrow('names ../x/email.html, which is not an email edition');
    expect(fs.existsSync(path.join(dir, '../x'))).toBe(false);
  });

  it('finds nothing to do where Astro rendered no editions', async () => {
    const dir = site();
    fs.rmSync(path.join(dir, 'bulletins/email-editions.ndjson'));
    expect(await finishEmailEditions(dir)).toBe(0);
  });
});

describe('finishWrittenFile, then finishBuiltSite', () => {
  it('writes out the email editions or compresses a page as soon as it is written, and the rest later', async () => {
    const dir = site();
    expect(await finishWrittenFile(dir, 'bulletins/email-editions.ndjson')).toBe(true);
    expect(fs.existsSync(path.join(dir, 'bulletins/2015-05/email.txt'))).toBe(true);
    expect(await finishWrittenFile(dir, 'index.html')).toBe(true);
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(true);
    expect(await finishWrittenFile(dir, 'bulletins/2015-05/email.txt')).toBe(false);
    // What was done early is not done again: its copy, taken away here, is not written a second time.
    fs.rmSync(path.join(dir, 'index.html.br'));
    const log: string[] = [];
    await finishBuiltSite(dir, (line) => log.push(line), new Set(['bulletins/email-editions.ndjson', 'index.html']));
    expect(fs.existsSync(path.join(dir, 'index.html.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'bulletins/2015-05/index.html.br'))).toBe(true);
    expect(log).toContain('Email editions finished while Astro was writing the site.');
    expect(log).toContain('Finished while Astro was writing the site: 2 files.');
  });
});

describe('finishSite', () => {
  it('finishes the site in astro:build:done when Astro runs on its own', async () => {
    const dir = site();
    const log: string[] = [];
    await buildDone(dir, log);
    expect(fs.existsSync(path.join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(log.at(-1)).toMatch(/^Search index and compression finished in [\d.]+s\.$/);
  });

  it('leaves the site as Astro wrote it when npm run build will finish it', async () => {
    const dir = site();
    process.env[FINISH_AFTER_ASTRO] = '1';
    const log: string[] = [];
    await buildDone(dir, log);
    expect(fs.existsSync(path.join(dir, 'pagefind'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'index.html.gz'))).toBe(false);
    expect(log).toEqual(['The search index, email editions and compressed copies are made once Astro has exited.']);
  });
});
