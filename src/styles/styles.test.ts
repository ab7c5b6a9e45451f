import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
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

describe.each(['src/styles/main.scss', 'src/styles/search.scss'])('%s', (file) => {
  it('resolves every NHS.UK frontend function (Sass writes an unknown one to the CSS as it is)', async () => {
    expect(await compile(file)).not.toMatch(/nhsuk-[a-z-]+\(/);
  });

  it('loads no font or image from another host', async () => {
    const css = await compile(file);
    expect(css).not.toContain('@font-face');
    expect(css).not.toMatch(/url\(\s*["']?https?:/);
  });
});
