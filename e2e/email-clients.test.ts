/**
 * The email edition in mail clients (issue 26), checked against caniemail's data (npm `caniemail`,
 * from caniemail.com) for Outlook, Gmail and Apple Mail, on a synthetic issue with a table and an
 * image (built here from a copy of fixtures/content) and on every edition of the real content in dist/.
 * A feature those clients lack fails the test where its lack loses content or layout; the features
 * allowed below degrade well, each with why.
 */
import { caniemail } from 'caniemail';
import data from 'caniemail/caniemail.json' with { type: 'json' };
import * as cheerio from 'cheerio';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';

const CLIENTS = ['outlook.*', 'gmail.*', 'apple-mail.*'] as const;
const SITE = 'https://email.liaison-and-diversion.test';

/**
 * Features caniemail says some of these clients lack, kept because the edition reads and lays out the
 * same without them.
 */
const DEGRADE_WELL: Record<string, string> = {
  '@media':
    'Phones only: narrows the frame and its padding below 620px. Without it the 600px table scales down as a whole; nothing is lost.',
  '<style> element':
    'Holds only the @media rule above; every other style is inlined on its element (e2e/email.test.ts checks).',
  'role attribute':
    'role="presentation" tells screen readers the layout tables are not data; a client that drops it shows the same layout.',
  '<body> element':
    'Outlook for Mac drops the body’s styles; the outer table repeats its background, colour and font, so the look is kept.',
};

/** caniemail's verdict on one feature for every version of every client we send to: "y", "a …" or "n". */
function support(slug: string): Map<string, string> {
  const feature = data.data.find((f) => f.slug === slug)!;
  const verdicts = new Map<string, string>();
  for (const family of ['outlook', 'gmail', 'apple-mail'] as const) {
    const platforms =
      (feature.stats as unknown as Record<string, Record<string, Record<string, string>>>)[family] ?? {};
    for (const [platform, versions] of Object.entries(platforms)) {
      const latest = Object.entries(versions).at(-1);
      if (latest) verdicts.set(`${family}.${platform}`, latest[1]);
    }
  }
  return verdicts;
}

/** The caniemail features each edition may use only if every client supports them (fully or partly). */
const unsupported = (slug: string) => [...support(slug)].filter(([, verdict]) => verdict.startsWith('n'));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-email-clients-'));
const content = path.join(work, 'content');
const out = path.join(work, 'site');
const ISSUE = `---
title: 'Synthetic bulletin: March 2015'
date: 2015-03-25
summary: 'A synthetic issue with a table and an image, for the email tests. Nothing in it is true.'
---

Synthetic words before the table.

| Wave | Schemes | Start |
| ---- | ------- | ----- |
| 1 | 10 | April 2014 |
| 110 | 15 | April 2015 |

![Synthetic chart of the schemes](./images/synthetic-chart.png)

Synthetic words after the image.
`;

beforeAll(async () => {
  fs.cpSync('e2e/fixtures/content', content, { recursive: true });
  fs.mkdirSync(path.join(content, 'bulletins/images'));
  fs.copyFileSync(
    'public/assets/images/nhsuk-icon-180.png',
    path.join(content, 'bulletins/images/synthetic-chart.png'),
  );
  fs.writeFileSync(path.join(content, 'bulletins/2015-03.md'), ISSUE);
  await buildSite({
    contentDir: content,
    outDir: out,
    env: { SITE_URL: SITE, LOCAL_PREVIEW: '', BUILD_DATE: '2015-06-01' },
  });
}, 300_000);
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

describe('an issue with a table and an image, by email', () => {
  it('sends its image as PNG or JPEG, while the page keeps WebP', () => {
    const $ = cheerio.load(read('bulletins/2015-03/email.html'));
    const image = $('img[alt="Synthetic chart of the schemes"]');
    expect(image.length).toBe(1);
    const src = image.attr('src')!;
    expect(src).toMatch(new RegExp(`^${SITE}/_astro/[^"]+\\.(png|jpg)$`));
    const bytes = fs.readFileSync(path.join(out, new URL(src).pathname));
    const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
    expect(png || jpeg).toBe(true);
    const page = cheerio.load(read('bulletins/2015-03/index.html'));
    expect(page('img[alt="Synthetic chart of the schemes"]').attr('src')).toMatch(/\.webp$/);
  });

  it('gives every cell of its table padding and a border, inline', () => {
    const $ = cheerio.load(read('bulletins/2015-03/email.html'));
    const cells = $('.app-email__body table th, .app-email__body table td').toArray();
    expect(cells.length).toBe(9);
    for (const cell of cells) {
      const style = $(cell).attr('style') ?? '';
      expect(style).toMatch(/padding: ?8px 12px 8px 0/);
      expect(style).toMatch(/border-bottom: ?\d+px solid/);
    }
  });

  it('lays its table out as rows in the plain text', () => {
    const text = read('bulletins/2015-03/email.txt');
    expect(text).toMatch(/^Wave {3}Schemes {3}Start$/m);
    expect(text).toMatch(/^110 {4}15 {8}April 2015$/m);
    expect(text).toContain('[Image: Synthetic chart of the schemes]');
  });
});

/** Every edition to check: the synthetic issue's and those of the real content in dist/, if built. */
function editions(): [string, string][] {
  const found: [string, string][] = [['synthetic 2015-03', path.join(out, 'bulletins/2015-03/email.html')]];
  const real = path.join('dist', 'bulletins');
  if (fs.existsSync(real)) {
    for (const id of fs.readdirSync(real)) {
      const file = path.join(real, id, 'email.html');
      if (fs.existsSync(file)) found.push([id, file]);
    }
  }
  return found;
}

describe('what Outlook, Gmail and Apple Mail support (caniemail)', () => {
  it('every image format used is one all three show', () => {
    for (const [name, file] of editions()) {
      const $ = cheerio.load(fs.readFileSync(file, 'utf8'));
      for (const image of $('img').toArray()) {
        const ext = path
          .extname(new URL($(image).attr('src')!).pathname)
          .slice(1)
          .replace('jpeg', 'jpg');
        expect(unsupported(`image-${ext}`), `${name}: ${$(image).attr('src')}`).toEqual([]);
      }
    }
    // The reason: the page's formats are not shown by Outlook for Windows.
    expect(unsupported('image-webp').map(([client]) => client)).toContain('outlook.windows');
  });

  it('table spacing is set with what all three keep: padding and border on cells', () => {
    expect(unsupported('css-padding')).toEqual([]);
    expect(unsupported('css-border')).toEqual([]);
  });

  it('uses no feature they lack, but the ones that degrade well', () => {
    for (const [name, file] of editions()) {
      const result = caniemail({ clients: [...CLIENTS], html: fs.readFileSync(file, 'utf8') });
      const lacking = new Set<string>();
      for (const issues of result.issues.errors.values()) for (const issue of issues) lacking.add(issue.title);
      expect(
        [...lacking].filter((title) => !(title in DEGRADE_WELL)),
        name,
      ).toEqual([]);
    }
  });
});
