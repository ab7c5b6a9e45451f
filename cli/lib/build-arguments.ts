import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

/**
 * The options `astro build` takes (its --help, and the global ones) that a build may pass on. Astro
 * ignores an option it does not know, so a typo (`--dsit`) would build and publish as if it were not
 * there: anything else is refused.
 */
const ASTRO_OPTIONS = ['mode', 'devOutput', 'force', 'timings', 'config', 'root', 'site', 'base', 'verbose', 'silent'];

/** The nearest of our options and Astro's to a mistyped one, if it is one or two letters away. */
function nearestOption(name: string): string | undefined {
  const options = ['dist', ...ASTRO_OPTIONS];
  const near = closest(
    name.toLowerCase(),
    options.map((o) => o.toLowerCase()),
  );
  return distance(name.toLowerCase(), near) <= 2 ? options.find((o) => o.toLowerCase() === near) : undefined;
}

/** The build's own options, and the rest for `astro build`. */
export type BuildArguments = { ok: true; dist: string; astroArgs: string[] } | { ok: false; error: string };

/**
 * Splits `npm run build` arguments: our own `--dist <dir>` (where to publish, default `dist`), and
 * the options of `astro build` it knows, in order and as written, for Astro. `--outDir` is refused: the
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
    } else if (token.kind === 'option' && !ASTRO_OPTIONS.includes(token.name)) {
      const near = nearestOption(token.name);
      return {
        ok: false,
        error: `npm run build has no option ${token.rawName}${near ? ` (did you mean --${near}?)` : ''}, so nothing was built. It takes --dist <dir> and these of astro build: ${ASTRO_OPTIONS.map((o) => `--${o}`).join(', ')}.`,
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
