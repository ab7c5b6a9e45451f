import { parseArgs } from 'node:util';

/** The build's own options, and the rest for `astro build`. */
export type BuildArguments = { ok: true; dist: string; astroArgs: string[] } | { ok: false; error: string };

/**
 * Splits `npm run build` arguments: our own `--dist <dir>` (where to publish, default `dist`), and
 * every other argument, in order and as written, for `astro build`. `--outDir` is refused: the
 * build chooses where Astro writes, so that it can swap the result in safely.
 * @example buildArguments(['--dist', '/tmp/site', '--verbose']) // => { ok: true, dist: '/tmp/site', astroArgs: ['--verbose'] }
 */
export function buildArguments(argv: readonly string[]): BuildArguments {
  const { tokens } = parseArgs({
    args: [...argv],
    options: { dist: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  let dist = 'dist';
  const astroArgs: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'dist') {
      if (!token.value) return { ok: false, error: '--dist needs a folder: --dist <dir>.' };
      dist = token.value;
    } else if (token.kind === 'option' && token.name.toLowerCase() === 'outdir') {
      return {
        ok: false,
        error:
          'the build chooses where Astro writes, so that a failed build never touches the site. Use --dist <dir> to publish somewhere other than dist/.',
      };
    } else if (token.kind === 'option') {
      astroArgs.push(token.inlineValue ? `${token.rawName}=${token.value}` : token.rawName);
    } else if (token.kind === 'positional') {
      astroArgs.push(token.value);
    } else {
      astroArgs.push('--');
    }
  }
  return { ok: true, dist, astroArgs };
}
