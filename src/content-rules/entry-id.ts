import { slug } from 'github-slugger';

/**
 * The id Astro's glob loader gives a file: its path without the extension, each folder and name
 * slugged with github-slugger. Two files with one id (`2015-05.md` and `2015-05.mdx`) are one page.
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
