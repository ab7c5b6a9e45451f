import { slug } from 'github-slugger';

/**
 * The id Astro's glob loader gives a file: its path without the extension, each folder and name
 * slugged with github-slugger. The id is what the URL is made from.
 * @example entryId('2019/05-The Persons Journey.md') // => '2019/05-the-persons-journey'
 */
export function entryId(relativePath: string): string {
  const withoutExt = relativePath.replace(/\.[^./]+$/, '');
  return withoutExt
    .split(/[\\/]/)
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}

/**
 * The URLs of the pages Astro builds from `src/pages` files that take no parameters:
 * pages get a trailing slash (`build.format: 'directory'`), endpoints such as `feed.xml.ts` keep their name.
 * @example staticRoutes(['index.astro', 'bulletins/index.astro', 'search.astro', 'rss.xml.ts', '404.astro'])
 * // => ['/', '/bulletins/', '/search/', '/rss.xml', '/404.html']
 */
export function staticRoutes(pageFiles: readonly string[]): string[] {
  const urls: string[] = [];
  for (const file of pageFiles) {
    const parts = file.split(/[\\/]/);
    if (parts.some((part) => part.startsWith('_') || part.includes('['))) continue;
    if (/\.test\.[jt]s$/.test(file)) continue;
    const endpoint = /^(.*\.[a-z0-9]+)\.[jt]s$/i.exec(file);
    if (endpoint) {
      urls.push(`/${endpoint[1]}`);
      continue;
    }
    const page = /^(.*)\.(astro|md|mdx|html)$/.exec(file);
    if (!page) continue;
    const route = page[1].replace(/(^|\/)index$/, '');
    if (route === '404' || route === '500') urls.push(`/${route}.html`);
    else urls.push(route ? `/${route}/` : '/');
  }
  return urls;
}
