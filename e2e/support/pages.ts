import fs from 'node:fs';
import path from 'node:path';

/**
 * Every HTML page of a built site as a URL path, 404 page included. An issue's email edition
 * (`/bulletins/YYYY-MM/email.html`) is not a page of the site: its markup follows email clients' rules
 * (tables, inline styles), and `email.test.ts` checks it. Nor is the CMS at /admin/ (editors only, Decap's own
 * markup and script; `cms.test.ts` checks it).
 * @example builtPages('dist') // => ['/', '/404.html', '/bulletins/', '/bulletins/2015-05/', ...]
 */
export function builtPages(dir: string): string[] {
  const root = path.resolve(dir);
  const found: string[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html') || entry.name === 'email.html') continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.startsWith('admin/')) continue;
    found.push(
      rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`,
    );
  }
  return found.sort();
}

/**
 * The absolute path of a built site, or an error saying how to build it.
 * @example requireBuiltSite('dist') // => '/work/site/dist', or throws "No built site in dist/: run `npm run build` first."
 */
export function requireBuiltSite(dir = 'dist'): string {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(
      `No built site in ${dir}/: the browser and markup tests check the built pages. ` +
        'Run `npm run build` first, then `npm run test:e2e` (or `npm test`, which does both).',
    );
  }
  return root;
}
