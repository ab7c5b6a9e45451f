import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postcss from 'postcss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtClassPrefixes, unusedCssPlugin } from './unused-css.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unused-css-test-'));
  fs.writeFileSync(path.join(dir, 'Page.astro'), '<div class={`nhsuk-card${open ? "" : " app-closed"}`}>');
  // As Pagination.astro writes its links: each class put together from a start and the direction.
  fs.writeFileSync(
    path.join(dir, 'Pagination.astro'),
    '<li class={`nhsuk-pagination-item--${link.item}`}><a class={"nhsuk-pagination__link--" + link.modifier}><svg class="nhsuk-icon">',
  );
  // A test may build any name; pages never run it, so it keeps nothing.
  fs.writeFileSync(path.join(dir, 'Pagination.test.astro'), 'new RegExp(`.nhsuk-${name}`)');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CSS = [
  '.nhsuk-card{padding:8px}',
  '.nhsuk-card--clickable{cursor:pointer}',
  '.app-closed{border:0}',
  'table{width:100%}',
  'h2+.nhsuk-caption{margin:0}',
  '@media print{.nhsuk-header__menu{display:none}}',
  '.nhsuk-pagination-item--next{text-align:right}',
  '.nhsuk-pagination__link--prev .nhsuk-icon{left:0}',
  '.nhsuk-pagination--numbered{display:flex}',
].join('\n');

const run = (from: string) =>
  postcss([unusedCssPlugin([path.join(dir, '*.astro')])])
    .process(CSS, { from })
    .then((r) => r.css);

describe('unusedCssPlugin', () => {
  it('removes classes no template uses from our stylesheets, keeping element selectors', async () => {
    const css = await run(path.join('/site', 'src', 'styles', 'main.scss'));
    expect(css).toContain('.nhsuk-card{');
    expect(css).toContain('.app-closed{');
    expect(css).toContain('table{');
    expect(css).not.toContain('nhsuk-card--clickable');
    expect(css).not.toContain('nhsuk-caption');
    expect(css).not.toContain('nhsuk-header__menu');
  });

  it('keeps the classes a template builds from a start and a variable', async () => {
    const css = await run(path.join('/site', 'src', 'styles', 'main.scss'));
    expect(css).toContain('.nhsuk-pagination-item--next{');
    expect(css).toContain('.nhsuk-pagination__link--prev .nhsuk-icon{');
    expect(css).not.toContain('nhsuk-pagination--numbered');
  });

  it('leaves other stylesheets alone', async () => {
    expect(await run(path.join('/site', 'node_modules', 'lib', 'ui.css'))).toBe(CSS);
  });
});

describe('builtClassPrefixes', () => {
  it('finds the start of a class built in a template string or by adding strings', () => {
    expect(builtClassPrefixes('class={`nhsuk-pagination-item--${link.item} nhsuk-icon ${other}`}')).toEqual([
      'nhsuk-pagination-item--',
    ]);
    expect(builtClassPrefixes(`"nhsuk-tag--" + colour; 'app-redline__' +type`)).toEqual([
      'nhsuk-tag--',
      'app-redline__',
    ]);
  });

  it('finds nothing in whole names', () => {
    expect(builtClassPrefixes('class="nhsuk-card app-closed" class={`nhsuk-card ${x}`} "a-b" + c')).toEqual([]);
  });
});
