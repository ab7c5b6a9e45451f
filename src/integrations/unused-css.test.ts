import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postcss from 'postcss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedCssPlugin } from './unused-css.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unused-css-test-'));
  fs.writeFileSync(path.join(dir, 'Page.astro'), '<div class={`nhsuk-card${open ? "" : " app-closed"}`}>');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CSS = [
  '.nhsuk-card{padding:8px}',
  '.nhsuk-card--clickable{cursor:pointer}',
  '.app-closed{border:0}',
  'table{width:100%}',
  'h2+.nhsuk-caption{margin:0}',
  '@media print{.nhsuk-header__menu{display:none}}',
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

  it('leaves other stylesheets alone', async () => {
    expect(await run(path.join('/site', 'node_modules', 'lib', 'ui.css'))).toBe(CSS);
  });
});
