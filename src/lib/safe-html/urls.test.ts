import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteUrls } from '../absolute-urls.ts';
import { contentImageFile, publicImageFile } from '../content-guard.ts';
import {
  computerAddressProblem,
  computerHost,
  publishedAddress,
  readAddress,
  safeImage,
  safeLink,
  sitePath,
} from './urls.ts';

/**
 * Addresses browsers are known to read differently from how they look (the WHATWG URL standard; issue 23):
 * the address, whether it is an address of this site, and, when it is not, the host a browser goes to.
 */
const TRICKS: [name: string, address: string, own: boolean, host?: string][] = [
  [
    'the reported case: a tab between the slashes',
    '/\t/evil.example/../../assets/images/nhsuk-icon-180.png',
    false,
    'evil.example',
  ],
  ['a newline between the slashes', '/\n/evil.example/x.png', false, 'evil.example'],
  ['a carriage return between the slashes', '/\r/evil.example/x.png', false, 'evil.example'],
  ['protocol-relative', '//evil.example/x.png', false, 'evil.example'],
  ['slash and backslash', '/\\evil.example/x.png', false, 'evil.example'],
  ['two backslashes', '\\\\evil.example/x.png', false, 'evil.example'],
  ['backslash and slash', '\\/evil.example/x.png', false, 'evil.example'],
  ['leading spaces and controls', ' \u0000\u001f//evil.example/x.png', false, 'evil.example'],
  ['https: without slashes (another site from an http page)', 'https:evil.example/x.png', false, 'evil.example'],
  ['http: with one slash', 'http:/evil.example/x.png', false, 'evil.example'],
  ['credentials', 'https://www.nhs.uk@evil.example/x.png', false, 'evil.example'],
  ['credentials with a backslash', 'https://www.nhs.uk\\@evil.example/x.png', false, 'www.nhs.uk'],
  ['an IDN host', 'https://еxample.com/x.png', false, 'xn--xample-2of.com'],
  ['full-width dots in the host', 'https://evil。example/x.png', false, 'evil.example'],
  ['an upper-case scheme', 'HTTPS://EVIL.EXAMPLE/x.png', false, 'evil.example'],
  ['a file of the content folder', './images/map.png', true],
  ['a path on the site', '/assets/images/nhsuk-icon-180.png', true],
  ['encoded dots', '%2e%2e/%2E%2e/assets/x.png', true],
  ['a tab inside a name', './images/ma\tp.png', true],
  ['backslashes as slashes', '.\\images\\map.png', true],
  ['full-width slashes (a file name, not a host)', '／／evil.example/x.png', true],
  ['other Unicode slashes and dots', '∕∕evil․example/x.png', true],
  ['a fragment', '#clause-5-2', true],
];

describe('one reading of an address (the WHATWG URL parser)', () => {
  it.each(TRICKS)('%s: %j', (_name, address, own, host) => {
    const read = readAddress(address);
    expect(read?.own).toBe(own);
    expect(safeImage(address)).toBe(own);
    if (!own) expect(read?.url.hostname).toBe(host);
  });

  it.each(TRICKS)('%s: what is published resolves where the check said, from any page and in feeds', (_n, address) => {
    const written = publishedAddress(address);
    const read = readAddress(address)!;
    for (const page of ['https://ld.nhs.test/bulletins/2015-05/', 'http://127.0.0.1:4321/a/b/c/']) {
      // Another site's address is written out whole, as the check read it, so no page can read it otherwise.
      expect(new URL(written, page).href).toBe(read.own ? new URL(address, page).href : read.url.href);
    }
    // The feeds and the email edition make addresses absolute with the same parser.
    const html = absoluteUrls(
      `<img src="${written.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`,
      'https://ld.nhs.test/bulletins/2015-05/',
    );
    const src = /src="([^"]*)"/.exec(html)?.[1].replaceAll('&amp;', '&');
    expect(new URL(src!).host === 'ld.nhs.test').toBe(readAddress(address)!.own);
    // No tab, newline or backslash in the path survives to confuse a reader that is not a browser.
    expect(written.split(/[?#]/)[0]).not.toMatch(/[\t\n\r\\]/);
  });

  it('a content image is the file the browser would ask for; an encoded slash names no file', () => {
    const from = '/site/content/bulletins/2015-05.md';
    expect(contentImageFile('./images/map.png', from)).toBe('/site/content/bulletins/images/map.png');
    expect(contentImageFile('%2e%2e/%2e%2e/etc/passwd.png', from)).toBe('/site/etc/passwd.png');
    expect(contentImageFile('.\\..\\..\\x.png', from)).toBe('/site/x.png');
    expect(contentImageFile('./ima\tges/map.png?v=1#x', from)).toBe('/site/content/bulletins/images/map.png');
    expect(contentImageFile('..%2f..%2fx.png', from)).toBe('/');
    expect(contentImageFile('./a%zz.png', from)).toBe('/site/content/bulletins/a%zz.png');
    expect(contentImageFile('/assets/x.png', from)).toBeUndefined();
    expect(contentImageFile('/\t/evil.example/x.png', from)).toBeUndefined();
    expect(contentImageFile('https:x.png', from)).toBeUndefined();
    expect(contentImageFile('./map.png', 'content/bulletins/2015-05.md')).toBe(path.join('content/bulletins/map.png'));
  });

  it.each([
    ['javascript:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['\u0000javascript:alert(1)', false],
    ['jav\tascript:alert(1)', false],
    ['data:text/html,x', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['http://[broken', false],
    ['https://www.england.nhs.uk/', true],
    ['mailto:team@example.org', true],
    ['/\t/evil.example/', true],
    ['../about/', true],
    ['http://localhost:4321/bulletins/', false],
    ['http://127.1/', false],
    ['http://0x7f.0.0.1/', false],
    ['http://[::1]:4321/', false],
    ['http://LOCALHOST./', false],
    ['http://preview.localhost/', false],
    ['https://www.nhs.uk@evil.example/', false],
    ['https://user:pass@www.england.nhs.uk/', false],
  ])('safeLink(%j) is %s', (address, safe) => {
    expect(safeLink(address)).toBe(safe);
  });
});

describe('addresses that point at a computer', () => {
  it.each(['localhost', 'localhost.', 'a.localhost', '127.0.0.1', '127.9.9.9', '[::1]', '0.0.0.0', '[::ffff:7f00:1]'])(
    '%s is this computer',
    (host) => expect(computerHost(host)).toBe(true),
  );
  it.each(['example.org', 'localhost.example.org', '128.0.0.1', '[::2]'])('%s is not', (host) =>
    expect(computerHost(host)).toBe(false),
  );

  it('names a loopback address and the site’s own address written in full; passes the rest', () => {
    expect(computerAddressProblem('http://localhost:4321/specification/#clause-1', 'https://ld.nhs.test')).toMatch(
      /computer it was copied on \(localhost:4321\)/,
    );
    expect(computerAddressProblem('http://127.1/x')).toMatch(/127\.0\.0\.1/);
    expect(computerAddressProblem('https://ld.nhs.test/bulletins/', 'https://ld.nhs.test')).toMatch(/written in full/);
    expect(computerAddressProblem('HTTPS://LD.NHS.TEST/bulletins/', 'https://ld.nhs.test')).toMatch(/written in full/);
    expect(computerAddressProblem('https://www.england.nhs.uk/', 'https://ld.nhs.test')).toBeUndefined();
    expect(computerAddressProblem('/bulletins/', 'https://ld.nhs.test')).toBeUndefined();
    expect(sitePath('http://localhost:4321/specification/?v=1#clause-1')).toBe('/specification/?v=1#clause-1');
  });
});

describe('an image on the site is the file under public/ the browser would ask for', () => {
  it.each([
    ['/assets/images/x.png', '/site/public/assets/images/x.png'],
    ['/assets/%2e%2e/x.png', '/site/public/x.png'],
    ['/../../etc/x.png', '/site/public/etc/x.png'],
    ['\\assets\\x.png', '/site/public/assets/x.png'],
    ['/assets/a%20b.png?v=1', '/site/public/assets/a b.png'],
    ['/..%2f..%2fetc/x.png', '/site/public/..%2f..%2fetc/x.png'],
  ])('%j is %s', (src, file) => expect(publicImageFile(src, '/site/public')).toBe(file));
  it.each(['./x.png', '//evil.example/x.png', '/\t/evil.example/x.png', 'https://evil.example/x.png'])(
    '%j is none',
    (src) => expect(publicImageFile(src, '/site/public')).toBeUndefined(),
  );
});
