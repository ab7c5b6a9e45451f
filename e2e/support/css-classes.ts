import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postcss from 'postcss';
import * as sass from 'sass-embedded';
import { builtPages } from './pages.ts';

/**
 * The class names in each selector of a stylesheet, one list per selector. Selectors with an attribute or
 * an id are left out: whether a page matches them depends on more than its classes.
 */
export function selectorClasses(css: string): string[][] {
  const selectors: string[][] = [];
  postcss.parse(css).walkRules((rule) => {
    for (const selector of rule.selectors.filter((text) => !/[[#]/.test(text)))
      selectors.push([...selector.matchAll(CLASS)].map((match) => match[1]));
  });
  return selectors;
}

const CLASS = /\.(-?[_a-zA-Z][\w-]*)/g;

/** Every class name a stylesheet has a rule for (anywhere in a selector). */
export function classesInCss(css: string): Set<string> {
  return new Set(selectorClasses(css).flat());
}

/**
 * The site's stylesheets compiled as they are written, before the build drops unused rules: the classes
 * of each selector the site's Sass has.
 */
export async function sourceSelectors(stylesDir = 'src/styles'): Promise<string[][]> {
  const entries = fs
    .readdirSync(stylesDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.scss') && !path.basename(name).startsWith('_') && name !== 'email.scss');
  const selectors: string[][] = [];
  for (const name of entries) {
    const file = path.resolve(stylesDir, name);
    const { css } = await sass.compileStringAsync(
      `$app-site-url: "http://127.0.0.1";\n${fs.readFileSync(file, 'utf8')}`,
      { url: pathToFileURL(file), loadPaths: ['node_modules'], quietDeps: true },
    );
    selectors.push(...selectorClasses(css));
  }
  return selectors;
}

/** Every class the site's Sass has a rule for. */
export async function sourceCssClasses(): Promise<Set<string>> {
  return new Set((await sourceSelectors()).flat());
}

/**
 * The classes a built site uses: in its pages' `class` attributes, and every word of its scripts (which
 * add classes as the page runs, as the search page's filters do).
 */
export function usedClasses(dir: string): Map<string, string> {
  const used = new Map<string, string>();
  for (const page of builtPages(dir)) {
    const file = path.join(dir, page.endsWith('/') ? `${page}index.html` : page);
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\sclass="([^"]*)"/g)) {
      for (const name of match[1].split(/\s+/)) if (name && !used.has(name)) used.set(name, page);
    }
  }
  const assets = path.join(dir, '_astro');
  for (const name of fs.readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    for (const [word] of fs.readFileSync(path.join(assets, name), 'utf8').matchAll(/[A-Za-z][\w-]*/g)) {
      if (!used.has(word)) used.set(word, `_astro/${name}`);
    }
  }
  return used;
}

/** Every class a built site's stylesheets have a rule for. */
export function builtCssClasses(dir: string): Set<string> {
  const assets = path.join(dir, '_astro');
  const classes = new Set<string>();
  for (const name of fs.readdirSync(assets).filter((file) => file.endsWith('.css'))) {
    for (const found of classesInCss(fs.readFileSync(path.join(assets, name), 'utf8'))) classes.add(found);
  }
  return classes;
}

/**
 * Classes a built site uses, in a selector of our Sass whose every class it uses, whose rules the build
 * left out: each as "class (first used in /page/)". Empty when the unused-CSS step kept everything in use.
 * (A class that our Sass styles only beside a class no page uses, such as `.nhsuk-table__row` inside
 * `.nhsuk-table-responsive`, has nothing to keep.)
 * @example await droppedClasses('dist') // => ['nhsuk-pagination-item--next (first used in /bulletins/2015-05/)']
 */
export async function droppedClasses(dir: string): Promise<string[]> {
  const [selectors, built, used] = [await sourceSelectors(), builtCssClasses(dir), usedClasses(dir)];
  const styled = new Set(selectors.filter((names) => names.every((name) => used.has(name))).flat());
  return [...styled]
    .filter((name) => !built.has(name))
    .map((name) => `${name} (first used in ${used.get(name)})`)
    .sort();
}
