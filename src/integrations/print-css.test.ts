import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { isPrintRule, printSplitPlugin } from './print-css.ts';

const CSS = [
  'body{color:#212b32}',
  '@media print{body{color:#000}}',
  '@media (width>=40.0625em){.nhsuk-header{padding:0}}',
  '@media print and (width>=40.0625em){.nhsuk-header{display:none}}',
  '@page{margin:2cm}',
  '@media screen and (forced-colors:active){a{color:linktext}}',
].join('');

const split = (file: string) =>
  postcss([printSplitPlugin()])
    .process(CSS, { from: file })
    .then((result) => result.css);

describe('isPrintRule', () => {
  it('knows print media queries and @page from everything else', () => {
    const root = postcss.parse(CSS);
    expect(root.nodes.map(isPrintRule)).toEqual([false, true, false, true, true, false]);
  });
});

describe('printSplitPlugin', () => {
  it('keeps the screen rules in main.scss', async () => {
    expect(await split('/site/src/styles/main.scss')).toBe(
      'body{color:#212b32}@media (width>=40.0625em){.nhsuk-header{padding:0}}@media screen and (forced-colors:active){a{color:linktext}}',
    );
  });

  it('keeps only the print rules in print.scss, however Vite names it', async () => {
    expect(await split('/site/src/styles/print.scss?transform-only')).toBe(
      '@media print{body{color:#000}}@media print and (width>=40.0625em){.nhsuk-header{display:none}}@page{margin:2cm}',
    );
  });

  it('leaves every other stylesheet whole', async () => {
    expect(await split('/site/src/styles/search.scss')).toBe(CSS);
  });
});
