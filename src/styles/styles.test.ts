import * as sass from 'sass-embedded';
import { describe, expect, it } from 'vitest';

const compile = (file: string) =>
  sass.compileAsync(file, { loadPaths: ['node_modules'], quietDeps: true, style: 'compressed' }).then((r) => r.css);

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
