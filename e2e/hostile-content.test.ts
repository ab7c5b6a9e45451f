/**
 * The hostile-input suite for content (issue 17, items 4 to 11 and 13), on SYNTHETIC content from
 * e2e/fixtures/hostile/ laid over e2e/fixtures/content/ in temporary folders. Each attack is either
 * published with its dangerous part removed (page, email edition and all three feeds), or refused with a
 * message naming the file, `dist/` left exactly as it was and nothing outside the repository read or
 * written. The build safety items (1 to 3, 12) are in hostile-build.test.ts.
 */
import * as cheerio from 'cheerio';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SIZE_LIMITS } from '../src/lib/content-guard.ts';
import { startNginx } from '../scripts/nginx/runtime.ts';
import { buildSite } from './support/build.ts';
import { parseJsonFeed, parseXmlFeed } from './support/feeds.ts';
import { PASSWD_LINE, contentFolder, fingerprint, runCommand } from './support/hostile.ts';

const BASE = 'e2e/fixtures/content';
const HOSTILE = 'e2e/fixtures/hostile';
const DIST = path.resolve('dist');
// What the fixture MDX would write if it were ever compiled.
const MDX_MARKER = '/tmp/ld-hostile-mdx-ran';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
const folder = (...overlays: string[]) => {
  const content = contentFolder(BASE, ...overlays);
  made.push(path.dirname(content));
  return content;
};

/** Everything dangerous in published/bulletins/2015-03.md: none of it may reach a reader. */
const DANGEROUS = [
  'attacker.example',
  'http-equiv',
  '<script',
  '<iframe',
  '<object',
  '<embed',
  '<form',
  '<base',
  'onmouseover',
  'javascript:',
  'vbscript:',
  'data:text/html',
  'INLINE-SCRIPT-RAN',
  'EDITORS-NOTE',
  'budget figure',
  '<!--',
  "alert('svg')",
  'type="checkbox"',
];

const SUMMARY = 'Synthetic test issue, not a real bulletin. <script>alert("summary")</script> <b>bold?</b> & more';

describe('published with the dangerous part removed', () => {
  let out: string;
  let log: string;
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

  beforeAll(async () => {
    fs.rmSync(MDX_MARKER, { force: true });
    const content = folder(path.join(HOSTILE, 'published'));
    out = path.join(path.dirname(content), 'dist');
    // `astro build` alone, without `npm run check` first: the build's own sanitiser is what is tested.
    log = await buildSite({ contentDir: content, outDir: out, env: { BUILD_DATE: '2016-01-01' } });
  });

  const bodies = () => {
    const rss = parseXmlFeed(read('bulletins/feed.xml')).items.find((item) => item.id?.includes('2015-03'));
    const atom = parseXmlFeed(read('bulletins/atom.xml')).items.find((item) => item.id?.includes('2015-03'));
    const json = parseJsonFeed(read('bulletins/feed.json')).items.find((item) => item.id.includes('2015-03'));
    return {
      page: cheerio.load(read('bulletins/2015-03/index.html'))('article').html() ?? '',
      'email.html': read('bulletins/2015-03/email.html'),
      'email.txt': read('bulletins/2015-03/email.txt'),
      rss: rss?.content ?? '',
      atom: atom?.content ?? '',
      json: json?.content_html ?? '',
    };
  };

  test.each(DANGEROUS)('%s reaches neither the page, the email edition nor any feed', (dangerous) => {
    for (const [where, html] of Object.entries(bodies())) {
      expect(html.length, where).toBeGreaterThan(0);
      // The plain-text edition shows the summary as the words it is (tested below); the rest must be clean.
      const body = where === 'email.txt' ? html.replace(/\s+/g, ' ').replace(SUMMARY, '') : html;
      expect(body.toLowerCase(), where).not.toContain(dangerous.toLowerCase());
    }
    // Atom's summary and JSON Feed's are plain text by their specifications (tested below): left out here.
    for (const file of ['bulletins/feed.xml', 'bulletins/atom.xml', 'bulletins/feed.json']) {
      const text = read(file).replaceAll(SUMMARY, '').replaceAll(JSON.stringify(SUMMARY).slice(1, -1), '');
      expect(text.toLowerCase(), file).not.toContain(dangerous.toLowerCase());
    }
  });

  test('the words around what was removed, and the HTML the allowlist keeps, are published everywhere', () => {
    for (const [where, html] of Object.entries(bodies())) {
      expect(html, where).toContain('Kept words after a handler.');
      expect(html, where).toContain('Split scheme');
      expect(html, where).not.toContain('Send'); // the form's button, removed with its words
      if (where === 'email.txt') continue;
      const $ = cheerio.load(html);
      expect($('abbr[title="Liaison and Diversion"]').text(), where).toBe('L&D');
      expect($('a[href$="/bulletins/"]').length, where).toBeGreaterThan(0);
      expect($('a[href="https://www.england.nhs.uk/"]').length, where).toBe(1);
      // Links whose address was unsafe become their words alone, not links that lead nowhere.
      expect($('a:contains("Entity-encoded link")').length, where).toBe(0);
      expect($.root().text(), where).toContain('Entity-encoded link and another.');
    }
  });

  test('a summary is plain text everywhere: escaped in the page, the email edition and the RSS description', () => {
    const summary = SUMMARY;
    const page = cheerio.load(read('bulletins/2015-03/index.html'));
    expect(page('meta[name="description"]').attr('content')).toBe(summary);
    expect(cheerio.load(read('bulletins/index.html'))('body').text()).toContain(summary);
    expect(cheerio.load(read('bulletins/2015-03/email.html'))('.app-email__lede').text()).toBe(summary);
    // An RSS description is HTML to readers: the brackets must arrive there as text.
    const rss = read('bulletins/feed.xml');
    expect(rss).toContain(
      '&lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt; &lt;b&gt;bold?&lt;/b&gt; &amp; more]]>',
    );
    expect(parseXmlFeed(rss).items.find((item) => item.id?.includes('2015-03'))?.description).toBe(summary);
    expect(read('bulletins/2015-03/email.txt').replace(/\s+/g, ' ')).toContain(summary);
    const atom = parseXmlFeed(read('bulletins/atom.xml')).items.find((item) => item.id?.includes('2015-03'));
    expect(atom?.description).toBe(summary);
    const json = parseJsonFeed(read('bulletins/feed.json')).items.find((item) => item.id.includes('2015-03'));
    expect(json?.summary).toBe(summary);
  });

  test('a title is plain text everywhere: in RSS its markup arrives as characters inside CDATA (issue 23)', () => {
    const title = 'Synthetic hostile bulletin: March 2015 <img src=x onerror=alert(1)>';
    const rss = read('bulletins/feed.xml');
    expect(rss).toContain(
      '<title><![CDATA[Synthetic hostile bulletin: March 2015 &lt;img src=x onerror=alert(1)&gt;]]></title>',
    );
    expect(rss).not.toMatch(/<img/i);
    expect(parseXmlFeed(rss).items.find((item) => item.id?.includes('2015-03'))?.title).toBe(title);
    // An Atom title is a text construct (RFC 4287, type="text" by default): readers show it as characters.
    const atom = read('bulletins/atom.xml');
    expect(atom).not.toMatch(/<title type="x?html"/);
    expect(parseXmlFeed(atom).items.find((item) => item.id?.includes('2015-03'))?.title).toBe(title);
    const page = cheerio.load(read('bulletins/2015-03/index.html'));
    expect(page('h1').text()).toBe(title);
    expect(page('img[src="x"]').length).toBe(0);
    expect(cheerio.load(read('bulletins/2015-03/email.html'))('img[src="x"]').length).toBe(0);
  });

  test('an image address that leaves the site once a tab, newline or backslash is read is no image anywhere', () => {
    for (const [where, html] of Object.entries(bodies())) {
      if (where === 'email.txt') continue;
      const $ = cheerio.load(html);
      for (const alt of ['tab', 'backslash', 'newline'])
        expect($(`img[alt="${alt}"]`).length, `${where} ${alt}`).toBe(0);
      // Every image left is the site's own, read as a browser reads it.
      $('img').each((_i, img) => {
        const src = $(img).attr('src') ?? '';
        expect(
          new URL(src, 'https://ci.liaison-and-diversion.test/bulletins/2015-03/').host,
          `${where} ${src}`,
        ).not.toContain('attacker');
      });
    }
  });

  test('an MDX file in the content folder is never read: its code does not run and it is published nowhere', () => {
    expect(fs.existsSync(MDX_MARKER)).toBe(false);
    expect(fs.existsSync(path.join(out, 'bulletins/2015-04'))).toBe(false);
    for (const file of ['bulletins/index.html', 'bulletins/feed.json', 'sitemap-0.xml']) {
      expect(read(file), file).not.toContain('2015-04');
    }
    expect(log).not.toContain(PASSWD_LINE);
  });

  test('the email logo’s alt text is white on the blue header, readable when images are blocked', () => {
    const $ = cheerio.load(read('bulletins/2015-03/email.html'));
    const logo = $('.app-email__header img[alt="NHS"]');
    expect(logo.attr('style')).toMatch(/color: ?#ffffff/i);
    expect(logo.parent('a').attr('style')).toMatch(/color: ?#ffffff/i);
  });

  describe('behind nginx', () => {
    let nginx: Awaited<ReturnType<typeof startNginx>>;
    beforeAll(async () => {
      // Files a careless deploy could leave in the site folder, which the server must never give away.
      for (const [file, text] of Object.entries({
        '.env': 'SYNTHETIC_SECRET=1',
        '.git/config': '[synthetic]',
        'bulletins/.notes': 'synthetic',
        '.well-known/security.txt': 'Contact: mailto:synthetic@example.org',
        '.well-known/.env': 'SYNTHETIC_SECRET=2',
        '.well-known/keys/.git/config': '[synthetic]',
        // As if an SVG with script had got past the check and the build (issue 23).
        '_astro/map.synthetic.svg':
          '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      })) {
        fs.mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        fs.writeFileSync(path.join(out, file), text);
      }
      nginx = await startNginx({ root: out });
    });
    afterAll(() => nginx?.close());

    test.each([
      '/.env',
      '/.git/config',
      '/.git/',
      '/bulletins/.notes',
      '/%2eenv',
      '/.well-known/.env',
      '/.well-known/keys/.git/config',
      '/.well-known/%2eenv',
    ])('%s is not found', async (url) => {
      const response = await fetch(`${nginx.origin}${url}`, { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('synthetic');
    });

    test('/.well-known/ is served, and the manifest as application/manifest+json', async () => {
      expect((await fetch(`${nginx.origin}/.well-known/security.txt`)).status).toBe(200);
      const manifest = await fetch(`${nginx.origin}/manifest.webmanifest`);
      expect(manifest.status).toBe(200);
      expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    });

    test('every file under /_astro/, content images included, is sandboxed: opened alone it runs no script', async () => {
      const images = fs
        .readdirSync(path.join(out, '_astro'))
        .filter((name) => /\.(svg|webp|png|jpe?g|avif|gif)$/.test(name));
      expect(images).toContain('map.synthetic.svg');
      for (const name of images) {
        const response = await fetch(`${nginx.origin}/_astro/${name}`);
        expect(response.status, name).toBe(200);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp, name).toMatch(/(^|; )sandbox($|;)/);
        expect(csp, name).toContain("default-src 'none'");
        expect(csp, name).not.toMatch(/script-src/);
      }
      // The site's pages keep their own policy, with no sandbox.
      const page = await fetch(`${nginx.origin}/bulletins/2015-03/`);
      expect(page.headers.get('content-security-policy')).not.toContain('sandbox');
    });

    test('one byte range per request is served; more get the whole file', async () => {
      const one = await fetch(`${nginx.origin}/robots.txt`, {
        headers: { range: 'bytes=0-3', 'accept-encoding': 'identity' },
      });
      expect(one.status).toBe(206);
      expect((await one.text()).length).toBe(4);
      const many = await fetch(`${nginx.origin}/robots.txt`, {
        headers: { range: 'bytes=0-0,2-2,4-4,6-6', 'accept-encoding': 'identity' },
      });
      expect(many.status).toBe(200);
    });
  });
});

describe('refused by `npm run build`, naming the file; dist/ unchanged; nothing outside read or written', () => {
  /** Each case: the content it lays over the fixture, and what the message must say. */
  const cases: { name: string; prepare: (content: string) => void; file: string; says: RegExp }[] = [
    {
      name: 'an MDX file (MDX runs code at build time)',
      prepare: (content) => fs.cpSync(path.join(HOSTILE, 'refused/mdx'), content, { recursive: true }),
      file: 'bulletins/2015-04.mdx',
      says: /MDX files are not accepted/,
    },
    {
      name: 'raw HTML that would redirect readers',
      prepare: (content) => fs.cpSync(path.join(HOSTILE, 'refused/raw-html'), content, { recursive: true }),
      file: 'bulletins/2015-03.md:9',
      says: /The HTML element <meta> is not allowed/,
    },
    {
      name: 'a data: call to action',
      prepare: (content) => fs.cpSync(path.join(HOSTILE, 'refused/call-to-action'), content, { recursive: true }),
      file: 'bulletins/2015-03.md:8',
      says: /callToAction\.href[\s\S]*not an address the site publishes/,
    },
    {
      name: 'an SVG picture with script in it (issue 23)',
      prepare: (content) => fs.cpSync(path.join(HOSTILE, 'refused/svg'), content, { recursive: true }),
      file: 'bulletins/images/map.svg',
      says: /SVG pictures are not accepted in the content folder/,
    },
    {
      name: 'an SVG picture renamed .png, which Astro would publish as an SVG (issue 23)',
      prepare: (content) => {
        fs.cpSync(path.join(HOSTILE, 'refused/svg'), content, { recursive: true });
        fs.renameSync(path.join(content, 'bulletins/images/map.svg'), path.join(content, 'bulletins/images/map.png'));
        const file = path.join(content, 'bulletins/2015-03.md');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('map.svg', 'map.png'));
      },
      file: 'bulletins/images/map.png',
      says: /named as a picture, but it is not a PNG, JPEG, GIF, WebP or AVIF picture inside/,
    },
    {
      name: 'a call to action whose address closes the attribute and opens a script (issue 23)',
      prepare: (content) => {
        fs.cpSync(path.join(HOSTILE, 'refused/call-to-action'), content, { recursive: true });
        const file = path.join(content, 'bulletins/2015-03.md');
        const text = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(
          file,
          text.replace(/^( *href:).*$/m, `$1 'https://survey.example/"><script>alert(1)</script>'`),
        );
      },
      file: 'bulletins/2015-03.md:8',
      says: /callToAction\.href[\s\S]*has a space, a double quote, a < or >(?![\s\S]*sha256)/,
    },
    {
      name: 'a title with characters that reverse the text after them (issue 23)',
      prepare: (content) => {
        const file = path.join(content, 'bulletins/2015-01.md');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: (['"])/m, '$&\u202E'));
      },
      file: 'bulletins/2015-01.md:2',
      says: /field `title`\n {2}`title` has invisible characters that change the direction of the text after them \(U\+202E\)/,
    },
    {
      name: 'a YAML alias bomb',
      prepare: (content) => fs.cpSync(path.join(HOSTILE, 'refused/alias-bomb'), content, { recursive: true }),
      file: 'bulletins/2015-03.md',
      says: /its aliases/,
    },
    {
      name: 'an image path out of the repository',
      prepare: (content) => fs.cpSync(path.join(HOSTILE, 'refused/image-traversal'), content, { recursive: true }),
      file: 'bulletins/2015-03.md:9',
      says: /not one of the site’s own files/,
    },
    {
      name: 'a Markdown file that links to /etc/passwd',
      prepare: (content) => fs.symlinkSync('/etc/passwd', path.join(content, 'bulletins/2015-03.md')),
      file: 'bulletins/2015-03.md',
      says: /link to a file or folder outside the content folder/,
    },
    {
      name: 'an image that links to /etc/passwd',
      prepare: (content) => {
        fs.symlinkSync('/etc/passwd', path.join(content, 'bulletins/chart.png'));
        fs.cpSync(path.join(HOSTILE, 'refused/image-traversal'), content, { recursive: true });
        const file = path.join(content, 'bulletins/2015-03.md');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\(\.\.\/[^)]*\)/, '(./chart.png)'));
      },
      file: 'bulletins/chart.png',
      says: /link to a file or folder outside the content folder/,
    },
    {
      name: 'issue 23: a named pipe (FIFO) named as an issue, which Astro would wait on',
      prepare: (content) => {
        fs.rmSync(path.join(content, 'bulletins/2015-01.md'));
        execFileSync('mkfifo', [path.join(content, 'bulletins/2015-01.md')]);
      },
      file: 'bulletins/2015-01.md',
      says: /This is a named pipe/,
    },
    {
      name: 'issue 23: a link to the whole disk',
      prepare: (content) => fs.symlinkSync('/', path.join(content, 'bulletins/root')),
      file: 'bulletins/root',
      says: /This is a link to a folder \(\/\)/,
    },
    {
      name: 'a bulletin over the size limit',
      prepare: (content) => {
        const file = path.join(content, 'bulletins/2015-01.md');
        fs.appendFileSync(file, `\n${'Synthetic padding. '.repeat(Math.ceil(SIZE_LIMITS.markdown / 19))}\n`);
      },
      file: 'bulletins/2015-01.md',
      says: /larger than the 1 MB a Markdown file may be/,
    },
  ];

  test.each(cases)('$name', async ({ prepare, file, says }) => {
    fs.rmSync(MDX_MARKER, { force: true });
    const content = folder();
    prepare(content);
    const before = fingerprint(DIST);
    const { code, output } = await runCommand('cli/build.ts', [], { CONTENT_DIR: content, BUILD_DATE: '2016-01-01' });
    expect(code).not.toBe(0);
    expect(output).toContain(path.join(content, file));
    expect(output).toMatch(says);
    expect(output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(output).not.toContain(PASSWD_LINE);
    expect(fingerprint(DIST)).toBe(before);
    expect(fs.existsSync(MDX_MARKER)).toBe(false);
  });
});

describe('refused by the build itself, without `npm run check` first', () => {
  /** Builds with `astro build` alone; resolves to what it printed when it failed, or '' when it built. */
  const failedBuild = (content: string) =>
    buildSite({ contentDir: content, outDir: path.join(path.dirname(content), 'dist') }).then(
      () => '',
      (failure: Error) => failure.message,
    );

  test('a Markdown file that links to a valid issue outside the content folder', async () => {
    const content = folder();
    const outside = path.join(path.dirname(content), 'outside.md');
    fs.writeFileSync(
      outside,
      "---\ntitle: 'Synthetic outside issue'\ndate: 2015-03-25\nsummary: 'Synthetic.'\n---\n\nSYNTHETIC-OUTSIDE-WORDS\n",
    );
    fs.symlinkSync(outside, path.join(content, 'bulletins/2015-03.md'));
    const error = await failedBuild(content);
    expect(error).toContain(
      `${path.join(content, 'bulletins/2015-03.md')} is a link to a file outside the content folder`,
    );
    expect(error).not.toContain('SYNTHETIC-OUTSIDE-WORDS');
  });

  test('a Markdown file that links to /etc/passwd: named, and not a line of it printed', async () => {
    const content = folder();
    fs.symlinkSync('/etc/passwd', path.join(content, 'bulletins/2015-03.md'));
    const error = await failedBuild(content);
    expect(error).toContain(path.join(content, 'bulletins/2015-03.md'));
    expect(error).not.toContain(PASSWD_LINE);
  });

  test('an image path out of the repository', async () => {
    const error = await failedBuild(folder(path.join(HOSTILE, 'refused/image-traversal')));
    expect(error).toContain(`${path.join('bulletins', '2015-03.md')} shows an image from outside the content folder`);
    expect(error).not.toContain(PASSWD_LINE);
  });

  test('an image that links to /etc/passwd: named, and not a line of it printed', async () => {
    const content = folder(path.join(HOSTILE, 'refused/image-traversal'));
    fs.symlinkSync('/etc/passwd', path.join(content, 'bulletins/chart.png'));
    const file = path.join(content, 'bulletins/2015-03.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/\(\.\.\/[^)]*\)/, '(./chart.png)'));
    const error = await failedBuild(content);
    expect(error).toContain(`${file} shows an image from outside the content folder (./chart.png)`);
    expect(error).not.toContain(PASSWD_LINE);
  });

  test('an SVG picture, before it is copied into the site (issue 23)', async () => {
    const content = folder(path.join(HOSTILE, 'refused/svg'));
    const error = await failedBuild(content);
    expect(error).toContain(
      `${path.join('bulletins', '2015-03.md')} shows an SVG picture, or a file that is not a picture (./images/map.svg)`,
    );
  });

  test('an SVG picture renamed .png, judged by its bytes (issue 23)', async () => {
    const content = folder(path.join(HOSTILE, 'refused/svg'));
    fs.renameSync(path.join(content, 'bulletins/images/map.svg'), path.join(content, 'bulletins/images/map.png'));
    const file = path.join(content, 'bulletins/2015-03.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('map.svg', 'map.png'));
    const error = await failedBuild(content);
    expect(error).toContain(
      `${path.join('bulletins', '2015-03.md')} shows an SVG picture, or a file that is not a picture`,
    );
  });

  test('a bulletin over the size limit, before it is parsed', async () => {
    const content = folder();
    const file = path.join(content, 'bulletins/2015-01.md');
    fs.appendFileSync(file, `\n${'Synthetic padding. '.repeat(Math.ceil(SIZE_LIMITS.markdown / 19))}\n`);
    const error = await failedBuild(content);
    expect(error).toContain(`${file} is larger than the 1 MB a content file may be`);
  });
});
