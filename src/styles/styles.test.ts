import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import postcss, { type AtRule } from 'postcss';
import * as sass from 'sass-embedded';
import { describe, expect, it } from 'vitest';

// astro.config.mjs prepends the site's address for the print stylesheet; the test does the same.
const compile = (file: string) =>
  sass
    .compileStringAsync(`$app-site-url: "http://127.0.0.1:4321";\n${fs.readFileSync(file, 'utf8')}`, {
      url: pathToFileURL(file),
      loadPaths: ['node_modules'],
      quietDeps: true,
      style: 'compressed',
    })
    .then((r) => r.css);

const stylesheets = [
  'src/styles/main.scss',
  'src/styles/search.scss',
  'src/styles/email.scss',
  ...fs.readdirSync('src/styles/components').map((name) => `src/styles/components/${name}`),
];

describe.each(stylesheets)('%s', (file) => {
  it('resolves every NHS.UK frontend function (Sass writes an unknown one to the CSS as it is)', async () => {
    expect(await compile(file)).not.toMatch(/nhsuk-[a-z-]+\(/);
  });

  it('loads no font or image from another host', async () => {
    const css = await compile(file);
    expect(css).not.toContain('@font-face');
    expect(css).not.toMatch(/url\(\s*["']?https?:/);
  });
});

describe('the components split out of main.scss', () => {
  it.each(fs.readdirSync('src/styles/components'))('%s has only rules for its own component', async (name) => {
    const own =
      name === 'details.scss' ? /\.nhsuk-(details|expander)/ : new RegExp(`\\.nhsuk-${name.replace(/\.scss$/, '')}`);
    const selectors: string[] = [];
    postcss.parse(await compile(`src/styles/components/${name}`)).walkRules((rule) => {
      if (rule.parent?.type !== 'atrule' || !/keyframes/.test((rule.parent as AtRule).name))
        selectors.push(...rule.selectors);
    });
    expect(selectors.length).toBeGreaterThan(0);
    expect(selectors.filter((selector) => !own.test(selector))).toEqual([]);
  });
});

// NHS.UK frontend sets `font-family` only beside its Frutiger @font-face, which the site leaves out; without
// a rule of our own every page fell back to the browser's serif font.
describe('the font', () => {
  const NHSUK_STACK = 'font-family:arial,sans-serif';

  it("is NHS.UK frontend's fallback stack on the page, on screen and in print", async () => {
    const css = await compile('src/styles/main.scss');
    expect(css).toContain(`html{${NHSUK_STACK}}`);
    expect(css).toContain(`@media print{html{${NHSUK_STACK}}}`);
    // Nowhere a serif, nor a family typed out in our own styles rather than taken from the settings.
    expect(css).not.toMatch(/font-family:[^;}]*serif[^;}]*\b(times|georgia)\b/i);
  });

  it('is the same stack in the email edition', async () => {
    expect(await compile('src/styles/email.scss')).toContain(
      `body{margin:0;padding:0;background-color:#f0f4f5;color:#212b32;${NHSUK_STACK}`,
    );
  });

  it('is named in our Sass only in the NHS.UK frontend settings', () => {
    const ours = fs
      .readdirSync('src/styles', { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.s?css$/.test(name) && !name.endsWith('_nhsuk-settings.scss'));
    const code = (name: string) => fs.readFileSync(`src/styles/${name}`, 'utf8').replace(/\/\/.*/g, '');
    const named = ours.filter((name) => /font-family:\s*[^$\s]/.test(code(name)));
    expect(named).toEqual([]);
  });
});
