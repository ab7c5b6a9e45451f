import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBuiltLinks } from './built-links.ts';

const origin = 'https://example.org';
let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  folders = [];
});

/** Writes files into a new temporary folder: `{ 'a/index.html': '…' }`. */
function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-built-links-'));
  folders.push(dir);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title} - Site</title></head><body><main id="maincontent"><h1>${title}</h1>${body}</main></body></html>`;

// A built site: a bulletin made from content, and the generated contents page of the specification.
const site = (bulletinBody: string) =>
  folder({
    'index.html': page('Home', '<a href="/bulletins/2015-05/">May</a> <a href="#maincontent">Skip</a>'),
    'bulletins/2015-05/index.html': page('Bulletin: May 2015', bulletinBody),
    'bulletins/2015-06/index.html': page('Bulletin: June 2015', '<p>June</p>'),
    'specification/index.html': page(
      'Service specification',
      '<h2 id="clause-5-2">5.2 First check</h2><h2 id="clause-5-3">5.3 Referral to services</h2><h2 id="clause-9-1">9.1 Diversion</h2>',
    ),
    'feed.xml': '<rss/>',
  });
const content = (bulletin: string) => folder({ 'bulletins/2015-05.md': bulletin, 'data/timeline.yaml': '- id: x\n' });
const bulletinSource = (link: string) =>
  `---\ntitle: "Bulletin: May 2015"\ndate: 2015-05-27\n---\n\nThe programme grew.\n\n${link}\n`;

describe('checkBuiltLinks', () => {
  it('accepts pages, clauses, files, relative links, full links to the site and links elsewhere', async () => {
    const dir = site(
      [
        '<a href="/specification/#clause-5-2">5.2</a>',
        '<a href="../2015-06/">June</a>',
        '<a href="/feed.xml">Feed</a>',
        '<a href="https://example.org/specification/#clause-9-1">9.1</a>',
        '<a href="https://www.england.nhs.uk/">NHS England</a>',
        '<a href="mailto:team@example.org">Write</a>',
        '<a href="/?q=x#top">Top</a>',
        '<a href="/bulletin/">Old address</a>',
      ].join(' '),
    );
    expect(await checkBuiltLinks(dir, { origin, redirects: ['/bulletin/'] })).toEqual([]);
  });

  it('finds a link to a clause on a generated page, and names the content file and line it was written on', async () => {
    const dir = site('<p>See <a href="/specification/#clause-99-99">clause 99.99</a>.</p>');
    const contentDir = content(bulletinSource('See [clause 99.99](/specification/#clause-99-99).'));
    const [problem, ...more] = await checkBuiltLinks(dir, { origin, contentDir });
    expect(more).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'error',
      file: path.join(contentDir, 'bulletins/2015-05.md'),
      line: 8,
      suggestion: undefined,
    });
    expect(problem.message).toBe(
      'The link [clause 99.99](/specification/#clause-99-99) goes to #clause-99-99 on /specification/ (“Service specification”), but that page has no clause #clause-99-99.',
    );
    expect(problem.fix).not.toMatch(/did you mean/i);
  });

  it('suggests a clause by the words of the link, never by the nearest number', async () => {
    const dir = site(
      '<a href="/specification/#clause-5-9">the first check</a> <a href="/specification/#clause-9-9">clause 9.9 on diversion</a>',
    );
    const problems = await checkBuiltLinks(dir, { origin });
    expect(problems.map((p) => p.suggestion)).toEqual(['/specification/#clause-5-2', undefined]);
    expect(problems[0].fix).toBe('Did you mean “5.2 First check”? Change the link to /specification/#clause-5-2.');
    expect(problems[1].fix).not.toContain('clause-9-1');
    expect(problems.map((p) => p.message).join(' ')).not.toMatch(/anchor/i);
  });

  it('reports a missing slash, a missing page and a heading that is not there, with what was meant when certain', async () => {
    const dir = site(
      [
        '<a href="/bulletins/2015-06">June</a>',
        '<a href="/bulletin/2015-06/">June</a>',
        '<a href="/bulletins/2015-07/">July</a>',
        '<a href="/bulletins/2015-13/">the June 2015 bulletin</a>',
        '<a href="#nowhere">Nowhere</a>',
      ].join(' '),
    );
    const problems = await checkBuiltLinks(dir, { origin });
    expect(problems.map((p) => [p.file, p.suggestion])).toEqual([
      ['the page /bulletins/2015-05/', '/bulletins/2015-06/'],
      ['the page /bulletins/2015-05/', '/bulletins/2015-06/'],
      ['the page /bulletins/2015-05/', undefined],
      ['the page /bulletins/2015-05/', '/bulletins/2015-06/'],
      ['the page /bulletins/2015-05/', undefined],
    ]);
    expect(problems[0].message).toContain('which has no / at the end');
    expect(problems[2].message).toContain('the site has no page there');
    expect(problems[4].message).toContain('has no heading #nowhere');
    expect(problems[4].message).toContain('The link is in no content file');
  });

  it('says when the page linked to is an issue the build left out', async () => {
    const dir = site('<a href="/bulletins/2015-07/">July</a>');
    const contentDir = content(bulletinSource('[July](/bulletins/2015-07/)'));
    fs.writeFileSync(path.join(contentDir, 'bulletins/2015-07.md'), '---\ndraft: true\n---\n');
    const [problem] = await checkBuiltLinks(dir, { origin, contentDir, show: (f) => path.relative(contentDir, f) });
    expect(problem.message).toBe(
      'The link [July](/bulletins/2015-07/) goes to /bulletins/2015-07/, which is not on the site: bulletins/2015-07.md is a draft or scheduled for a later date.',
    );
  });

  it('finds the source of a link the email edition made absolute, and reports it once', async () => {
    const dir = site('<a href="/specification/#clause-99">x</a>');
    fs.writeFileSync(
      path.join(dir, 'bulletins/2015-05/email.html'),
      '<html><body><a href="https://example.org/specification/#clause-99">x</a></body></html>',
    );
    const contentDir = content(bulletinSource('[x](/specification/#clause-99)'));
    const problems = await checkBuiltLinks(dir, { origin, contentDir });
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual(['2015-05.md:8']);
  });
});
