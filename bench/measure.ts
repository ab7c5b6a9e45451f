import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';

/** A size before and after compression, in bytes. */
export interface Bytes {
  raw: number;
  gzip: number;
}

/**
 * The gzip size of some bytes at level 9, the level the precompressed `.gz` files are written at.
 * @example gzipSize('aaaaaaaaaa') // => 23
 */
export function gzipSize(data: string | Buffer): number {
  return zlib.gzipSync(data, { level: 9 }).length;
}

/** Raw and gzip sizes of some bytes. */
export function bytesOf(data: string | Buffer): Bytes {
  return { raw: Buffer.byteLength(data), gzip: gzipSize(data) };
}

const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };

/** Files and bytes under a folder. */
export interface DirSize {
  files: number;
  bytes: number;
}

/**
 * Counts the files under a folder and their bytes; `include` picks files by their path relative to it.
 * @example dirSize('dist', (f) => !/\.(gz|br)$/.test(f)) // => { files: 1240, bytes: 31000000 }
 */
export function dirSize(dir: string, include: (relative: string) => boolean = () => true): DirSize {
  const result = { files: 0, bytes: 0 };
  if (!fs.existsSync(dir)) return result;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (!include(path.relative(dir, full))) continue;
    result.files += 1;
    result.bytes += fs.statSync(full).size;
  }
  return result;
}

/** What a browser fetches to show one page for the first time, before any image or font. */
export interface FirstLoad {
  html: Bytes;
  css: Bytes;
  js: Bytes;
  total: Bytes;
  /** Requests needed: the page, its stylesheets and its scripts. */
  requests: number;
  /** `<script>` elements in the page, inline or not. */
  scripts: number;
  /** Stylesheets and scripts on another host, which a static build must not have. */
  external: string[];
  /**
   * Stylesheets for print only (`media="print"`): browsers fetch them at low priority without waiting
   * for them to show the page, so they are not part of the first load and not in `css` or `total`.
   */
  printCss: Bytes;
}

/**
 * The HTML file of a site path in a built site.
 * @example htmlFileFor('dist', '/bulletins/2015-05/') // => 'dist/bulletins/2015-05/index.html'
 */
export function htmlFileFor(dist: string, urlPath: string): string {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  return path.join(dist, clean.endsWith('/') ? `${clean}index.html` : clean);
}

// A <script> whose type is a data format (JSON-LD structured data on bulletins) holds data, not code:
// browsers never run it, so it is not JavaScript on the page.
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

/** The stylesheets and scripts an HTML page links to, as URLs resolved against the page. */
export function linkedAssets(html: string, pageUrl: URL): { css: URL[]; printCss: URL[]; js: URL[]; scripts: number } {
  const css: URL[] = [];
  const printCss: URL[] = [];
  const js: URL[] = [];
  let scripts = 0;
  walkSync(parse(html) as Node, (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attrs = node.attributes as Record<string, string>;
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (node.name === 'link' && attrs.href && rel.includes('stylesheet')) {
      (/^\s*print\s*$/i.test(attrs.media ?? '') ? printCss : css).push(new URL(attrs.href, pageUrl));
    }
    if (node.name === 'link' && attrs.href && rel.includes('modulepreload')) js.push(new URL(attrs.href, pageUrl));
    if (node.name === 'script' && !DATA_SCRIPT.test(attrs.type ?? '')) {
      scripts += 1;
      if (attrs.src) js.push(new URL(attrs.src, pageUrl));
    }
  });
  return { css, printCss, js, scripts };
}

/**
 * HTML, CSS and JS bytes a first visit to `urlPath` fetches from the built site in `dist`,
 * raw and gzip: the page itself plus every stylesheet and script it links to.
 * @example firstLoad('dist', '/') // => { html: { raw: 5133, gzip: 1984 }, css: …, js: …, total: …, requests: 2, … }
 */
export function firstLoad(dist: string, urlPath: string): FirstLoad {
  const origin = 'http://site.invalid';
  const html = fs.readFileSync(htmlFileFor(dist, urlPath));
  const assets = linkedAssets(html.toString('utf8'), new URL(urlPath, origin));
  const external = [...assets.css, ...assets.js].filter((u) => u.origin !== origin).map((u) => u.href);
  const sum = (urls: URL[]) =>
    [...new Set(urls.filter((u) => u.origin === origin).map((u) => u.pathname))]
      .map((p) => bytesOf(fs.readFileSync(htmlFileFor(dist, p))))
      .reduce(add, ZERO);
  const htmlBytes = bytesOf(html);
  const css = sum(assets.css);
  const js = sum(assets.js);
  return {
    html: htmlBytes,
    css,
    js,
    total: add(add(htmlBytes, css), js),
    requests: 1 + new Set([...assets.css, ...assets.js].map((u) => u.href)).size,
    scripts: assets.scripts,
    external,
    printCss: sum(assets.printCss),
  };
}

/**
 * Site paths of every built page that has a `<script>` element that runs (not a data block), however it got there.
 * @example pagesWithScript('dist') // => ['/search/']
 */
export function pagesWithScript(dist: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = path.join(entry.parentPath, entry.name);
    const html = fs.readFileSync(full, 'utf8');
    if (!/<script\b/i.test(html) || linkedAssets(html, new URL('http://site.invalid/')).scripts === 0) continue;
    const rel = path.relative(dist, full).split(path.sep).join('/');
    found.push(`/${rel.replace(/(^|\/)index\.html$/, '$1')}`);
  }
  return found.sort();
}
