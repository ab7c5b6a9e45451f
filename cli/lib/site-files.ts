import fs from 'node:fs';
import path from 'node:path';

/**
 * The kinds of file the site serves, by extension: pages, styles and scripts, feeds, images, fonts, the
 * search index (Pagefind's `.pagefind` and `.pf_*` files), and the compressed copies beside text files.
 * Anything else in a built site (a source map, Astro's `.prerender` bundle, a stray `.env`) is a build
 * internal or a leak, and the site is not published. Add a kind here when the site starts serving one.
 */
export const SERVED_EXTENSIONS = new Set([
  '.html',
  '.css',
  '.js',
  '.json',
  '.xml',
  '.txt',
  '.webmanifest',
  '.svg',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.ico',
  '.woff',
  '.woff2',
  '.pdf',
  '.wasm',
  '.pagefind',
  '.pf_fragment',
  '.pf_index',
  '.pf_meta',
  '.pf_filter',
  '.gz',
  '.br',
]);

/** Files static hosts read for their settings (deploy/hosting.yaml writes them). */
const HOST_FILES = new Set(['_headers', '_redirects']);

/** The one dot-folder a site may serve (RFC 8615: security.txt and the like). */
const WELL_KNOWN = '.well-known';

/**
 * The files and folders in a built site that it must not serve, as paths in it written with `/`: any
 * kind of file not in SERVED_EXTENSIONS, anything whose name starts with a dot (except `.well-known/`),
 * and anything that is not a plain file or folder (a link could reach outside the site).
 * @example unservedFiles('.build/work/x') // => ['.prerender/', 'assets/app.js.map']
 */
export function unservedFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      const hidden = entry.name.startsWith('.') && !(entry.name === WELL_KNOWN && !rel);
      if (entry.isDirectory()) {
        if (hidden) found.push(`${name}/`);
        else walk(name);
      } else if (
        !entry.isFile() ||
        hidden ||
        !(SERVED_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || (!rel && HOST_FILES.has(entry.name)))
      ) {
        found.push(name);
      }
    }
  };
  walk('');
  return found.sort();
}
