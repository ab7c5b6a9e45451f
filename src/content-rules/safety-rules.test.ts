import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIZE_LIMITS } from '../lib/content-guard.ts';
import { checkContent } from './check-content.ts';
import { formatProblem } from './problems.ts';
import { makeContent } from '../../cli/lib/testing/content-fixture.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Checks SYNTHETIC content; `prepare` may add links and big files. Returns what an editor sees. */
function check(files: Record<string, string | Uint8Array | null>, prepare?: (dir: string) => void): string {
  const dir = makeContent(files);
  made.push(dir);
  prepare?.(dir);
  const { problems } = checkContent({
    contentDir: dir,
    root: process.cwd(),
    buildDate: new Date('2015-06-01'),
  });
  return problems.map(formatProblem).join('\n\n').replaceAll(dir, 'content');
}

const may = (body: string, fields: string[] = []) =>
  [
    '---',
    'title: "Synthetic: May 2015"',
    'date: 2015-05-27',
    'summary: "A synthetic issue."',
    ...fields,
    '---',
    '',
    'Synthetic text.',
    '',
    body,
    '',
  ].join('\n');

describe('safety rules', () => {
  it('names the file, line and element of HTML that would run code or leave the site', () => {
    const out = check({
      'bulletins/2015-05.md': may(
        '<meta http-equiv="refresh" content="0;url=https://attacker.example/">\n\n<div>\n<iframe src="https://attacker.example/"></iframe>\n</div>\n\n<p onclick="steal()" style="color:red">Hi</p>',
      ),
    });
    expect(out).toContain('Error: content/bulletins/2015-05.md:9\n  The HTML element <meta> is not allowed in content');
    expect(out).toContain('Error: content/bulletins/2015-05.md:12\n  The HTML element <iframe> is not allowed');
    expect(out).toContain('removed with everything inside it');
    expect(out).toMatch(
      /2015-05\.md:15\n {2}The HTML element <p> has attributes the site does not publish: `onclick`, `style`/,
    );
    expect(out).toContain('How to fix: Write it in Markdown instead');
  });

  it('refuses links that are not web or email addresses, however they are written', () => {
    const out = check({
      'bulletins/2015-05.md': may(
        '[a](javascript:alert(1)) <a href="jav&#x61;script:x">b</a> [c](data:text/html,x) [d](vbscript:x)',
      ),
    });
    expect(out.match(/The link address .* is not allowed/g)).toHaveLength(4);
    expect(out).toContain('Expected: an address starting https://');
  });

  it('refuses images from other sites and from outside the content folder', () => {
    const out = check({
      'bulletins/2015-05.md': may(
        '![Pixel](https://tracker.example/p.gif)\n\n![Secret](../../etc/passwd)\n\n<img src="//tracker.example/p.gif" alt="x">',
      ),
    });
    expect(out.match(/The image .* is not one of the site’s own files/g)).toHaveLength(3);
    // The image is removed whole: it is reported once, and never with advice to remove its alt text.
    expect(out).not.toContain('does not publish');
  });

  it('refuses a call to action whose address is not a web or email address', () => {
    const out = check({
      'bulletins/2015-05.md': may('', [
        'callToAction:',
        '  title: "Survey"',
        '  text: "Tell us."',
        '  href: "data:text/html,<script>alert(1)</script>"',
        '  closes: 2015-06-30',
      ]),
    });
    expect(out).toContain('field `callToAction.href`');
    expect(out).toContain('is not an address the site publishes');
  });

  it('refuses a link to a file outside the content folder, without reading it', () => {
    const out = check({}, (dir) => fs.symlinkSync('/etc/passwd', path.join(dir, 'bulletins/2015-05.md')));
    expect(out).toContain(
      'Error: content/bulletins/2015-05.md\n  This is a link to a file or folder outside the content folder.',
    );
    expect(out).not.toMatch(/root:|passwd:/);
    // A link to a folder is refused before anything is read (odd-files.ts), as the only problem then reported.
    const folder = check({}, (dir) => fs.symlinkSync('/etc', path.join(dir, 'programme/outside')));
    expect(folder).toContain('Error: content/programme/outside\n  This is a link to a folder (/etc).');
    expect(folder).not.toMatch(/root:|passwd:|adduser/);
  });

  it('refuses a file over the size limit, giving the limit', () => {
    const out = check({}, (dir) =>
      fs.writeFileSync(path.join(dir, 'bulletins/2015-05.md'), may('x'.repeat(SIZE_LIMITS.markdown))),
    );
    expect(out).toContain(
      'Error: content/bulletins/2015-05.md\n  The file is 1 MB, larger than the 1 MB a Markdown file may be.',
    );
  });

  it('warns of hidden files, which are not published', () => {
    expect(check({ 'bulletins/.notes': 'x' })).toContain('Warning: content/bulletins/.notes\n  This is a hidden file');
  });

  it('warns of hidden files in public/, which the build leaves out, but not of /.well-known/', () => {
    const root = makeContent();
    made.push(root);
    for (const file of ['public/.env', 'public/.git/config', 'public/.well-known/security.txt', 'public/ok.txt']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), 'synthetic');
    }
    const contentDir = makeContent();
    made.push(contentDir);
    const { problems } = checkContent({
      contentDir,
      root,
      buildDate: new Date('2015-06-01'),
    });
    expect(problems.map((p) => [p.severity, path.relative(root, p.file)])).toEqual([
      ['warning', 'public/.env'],
      ['warning', 'public/.git'],
    ]);
  });

  it('names the file and the fault of a YAML alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [n, m] of ['ba', 'cb', 'dc', 'ed', 'fe', 'gf'])
      lines.push(`${n}: &${n} [${Array(9).fill(`*${m}`).join(',')}]`);
    const out = check({ 'bulletins/2015-05.md': `---\n${lines.join('\n')}\n---\n\nText.\n` });
    expect(out).toContain(
      'Error: content/bulletins/2015-05.md:3\n  The frontmatter is not valid YAML here: its aliases',
    );
    expect(out).toContain('How to fix: Write the values out');
    expect(out).not.toContain('Tell the developers');
  });

  it('accepts the HTML the site allows', () => {
    expect(
      check({
        'bulletins/2015-05.md': may(
          '<abbr title="Liaison and Diversion">L&amp;D</abbr> H<sub>2</sub>O\n\n<!-- an editor’s note -->',
        ),
      }),
    ).toBe('');
  });
});

describe('addresses read as the browser reads them (issue 23)', () => {
  it('refuses an image whose address leaves the site once the browser drops a tab, newline or backslash', () => {
    const out = check({
      'bulletins/2015-05.md': may(
        [
          '<img src="/&#9;/evil.example/../../assets/images/nhsuk-icon-180.png" alt="Tab">',
          '',
          '<img src="/\\evil.example/assets/images/nhsuk-icon-180.png" alt="Backslash">',
          '',
          '![Newline](</&#10;/evil.example/x.png>)',
        ].join('\n'),
      ),
    });
    expect(out).toContain(
      'content/bulletins/2015-05.md:9\n  The image "/\\t/evil.example/../../assets/images/nhsuk-icon-180.png" (a browser reads it as https://evil.example/assets/images/nhsuk-icon-180.png) is not one of the site’s own files',
    );
    expect(out).toContain(
      'content/bulletins/2015-05.md:11\n  The image /\\evil.example/assets/images/nhsuk-icon-180.png (a browser reads it as https://evil.example/',
    );
    expect(out.match(/is not one of the site’s own files/g)?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('addresses that point at a computer (issue 26)', () => {
  it('names a link or image on localhost or 127.0.0.1, and the site’s own address written in full', () => {
    const before = process.env.SITE_URL;
    process.env.SITE_URL = 'https://ld.nhs.test';
    try {
      const out = check({
        'bulletins/2015-05.md': may(
          [
            '[Clause 5.2](http://localhost:4321/specification/the-persons-journey/#clause-5-2)',
            '',
            '<a href="http://127.1:4321/bulletins/">Archive</a>',
            '',
            '![Chart](http://127.0.0.1:4321/_astro/chart.png)',
            '',
            '[May](HTTPS://LD.NHS.TEST/bulletins/2015-05/)',
          ].join('\n'),
        ),
      });
      expect(out).toContain(
        'content/bulletins/2015-05.md:9\n  The link address http://localhost:4321/specification/the-persons-journey/#clause-5-2 points at the computer it was copied on (localhost:4321)',
      );
      expect(out).toContain('Write /specification/the-persons-journey/#clause-5-2 instead of http://localhost:4321/');
      expect(out).toContain('2015-05.md:11\n  The link address http://127.1:4321/bulletins/ points at the computer');
      expect(out).toContain(
        '2015-05.md:13\n  The image address http://127.0.0.1:4321/_astro/chart.png points at the computer',
      );
      expect(out).toContain(
        '2015-05.md:15\n  The link address HTTPS://LD.NHS.TEST/bulletins/2015-05/ is this site’s own address written in full',
      );
      expect(out).toContain('Write /bulletins/2015-05/ instead');
    } finally {
      if (before === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = before;
    }
  });
});

describe('hostile text in frontmatter (issue 23, item 7)', () => {
  it('names a field whose text carries direction-changing control characters', () => {
    const out = check({
      'bulletins/2015-05.md': may('', [
        'callToAction:',
        '  title: "Survey \u2066closed\u2069"',
        '  text: Act.',
        '  closes: 2015-06-30',
      ]).replace('title: "Synthetic: May 2015"', 'title: "Synthetic: \u202eMay 2015"'),
    });
    expect(out).toContain('Error: content/bulletins/2015-05.md:2  field `title`');
    expect(out).toContain('(U+202E)');
    expect(out).toContain('Error: content/bulletins/2015-05.md:6  field `callToAction.title`');
    expect(out).toContain('(U+2066, U+2069)');
  });

  it('refuses a call to action whose address carries HTML, or points at this computer, as errors', () => {
    const out = check({
      'bulletins/2015-05.md': may('', [
        'callToAction:',
        '  title: Survey',
        '  text: Act.',
        `  href: 'https://survey.example/"><script>alert(1)</script>'`,
        '  closes: 2015-06-30',
      ]),
      'bulletins/2015-04.md': may('', [
        'callToAction:',
        '  title: Survey',
        '  text: Act.',
        '  href: http://localhost:4321/get-updates/',
        '  closes: 2015-06-30',
      ])
        .replace(/2015-05-27/, '2015-04-27')
        .replace('May 2015', 'April 2015'),
    });
    expect(out).toMatch(
      /Error: content\/bulletins\/2015-05\.md:8 {2}field `callToAction\.href`\n {2}This address has a space, a double quote, a < or >/,
    );
    expect(out).toMatch(
      /Error: content\/bulletins\/2015-04\.md:8 {2}field `callToAction\.href`\n {2}This address is on the computer/,
    );
    expect(out).not.toMatch(/sha256|Content-Security-Policy/);
  });
});

describe('images are pictures (issue 23)', () => {
  it('refuses an SVG in the content folder, used or not, in words an editor can act on', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="fetch(\'/api\')"><script>alert(1)</script></svg>';
    const out = check({
      'bulletins/2015-05.md': may('![Map](./images/map.svg)'),
      'bulletins/images/map.svg': svg,
      'bulletins/images/unused.SVGZ': 'synthetic',
    });
    expect(out).toContain(
      'Error: content/bulletins/images/map.svg\n  SVG pictures are not accepted in the content folder: an SVG file can carry code',
    );
    expect(out).toContain('Error: content/bulletins/images/unused.SVGZ\n  SVG pictures are not accepted');
    expect(out).toContain('How to fix: Save the picture as PNG (charts, diagrams, maps) or JPEG (photographs)');
  });

  it('refuses an SVG renamed .png, which Astro would publish as an SVG, judging a picture by its bytes', () => {
    const out = check({
      'bulletins/2015-05.md': may('![Map](./images/map.png)\n\n![Chart](./images/chart.png)'),
      'bulletins/images/map.png': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      'bulletins/images/chart.png': fs.readFileSync('public/assets/images/nhsuk-icon-180.png'),
    });
    expect(out).toContain(
      'Error: content/bulletins/images/map.png\n  This file is named as a picture, but it is not a PNG, JPEG, GIF, WebP or AVIF picture inside',
    );
    expect(out).not.toContain('images/chart.png');
  });
});

describe('an address the URL parser cannot decode', () => {
  it('is a missing picture, not a fault of the check (was: "URI malformed")', () => {
    const out = check({ 'bulletins/2015-05.md': may('<img src="./a%zz.png" alt="A synthetic chart">') });
    expect(out).toContain('content/bulletins/2015-05.md:9\n  The image ./a%zz.png does not exist');
    expect(out).not.toMatch(/URI malformed|content check itself failed/);
  });
});
