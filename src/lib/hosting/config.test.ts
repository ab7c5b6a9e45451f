import { describe, expect, test } from 'vitest';
import { hostingSchema, redirectListSchema } from '../../schemas/hosting.ts';
import { HostingConfigError, loadHosting, parseYaml } from './config.ts';

const valid = `
contentSecurityPolicy:
  default-src: ["'none'"]
  script-src: ["'self'", "'wasm-unsafe-eval'"]
  frame-ancestors: ["'none'"]
headers:
  X-Content-Type-Options: nosniff
cache:
  default: no-cache
  rules:
    - prefix: /_astro/
      cacheControl: public, max-age=31536000, immutable
`;

/** The message parseYaml throws for a hosting file, or '' if it parses. */
function hostingError(text: string): string {
  try {
    parseYaml('deploy/hosting.yaml', text, hostingSchema);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(HostingConfigError);
    return (error as Error).message;
  }
}

function redirectsError(text: string): string {
  try {
    parseYaml('deploy/redirects.yaml', text, redirectListSchema);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(HostingConfigError);
    return (error as Error).message;
  }
}

describe('the committed data files', () => {
  test('load, with the redirects the site promises', () => {
    const { settings, redirects } = loadHosting('.');
    expect(settings.contentSecurityPolicy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(settings.contentSecurityPolicy['frame-ancestors']).toEqual(["'none'"]);
    expect(redirects).toContainEqual({ from: '/bulletin/', to: '/bulletins/' });
    expect(redirects).toContainEqual({ from: '/feed/', to: '/bulletins/feed.xml' });
  });
});

describe('deploy/hosting.yaml', () => {
  test('a valid file parses', () => {
    expect(hostingError(valid)).toBe('');
  });

  test('broken YAML names the file and the line', () => {
    expect(hostingError('headers:\n  a: [b\n')).toMatch(
      /^deploy\/hosting\.yaml is not valid YAML \(line \d+, column \d+\)/,
    );
  });

  test('a misspelt field gets a suggestion', () => {
    expect(hostingError(valid.replace('headers:', 'headres:'))).toContain(
      '`headres` is not a field of the hosting settings; did you mean `headers`?',
    );
  });

  test.each(["'unsafe-inline'", "'unsafe-eval'"])('script-src refuses %s', (source) => {
    expect(hostingError(valid.replace(`"'wasm-unsafe-eval'"`, `"${source}"`))).toContain(
      `contentSecurityPolicy → script-src: ${source} would defeat the policy`,
    );
  });

  test('the policy must say who may frame the site', () => {
    expect(hostingError(valid.replace(`  frame-ancestors: ["'none'"]\n`, ''))).toContain(
      'The policy needs a frame-ancestors directive.',
    );
  });

  test('a value nginx cannot quote is refused', () => {
    expect(hostingError(valid.replace('nosniff', '"no$sniff"'))).toContain(
      'headers → X-Content-Type-Options: Write the header value without double quotes, dollar signs',
    );
  });

  test('Cache-Control and the CSP have one place each', () => {
    expect(hostingError(valid.replace('  X-Content-Type-Options: nosniff', '  Cache-Control: no-store'))).toContain(
      'headers → Cache-Control: Set Cache-Control in `cache` instead',
    );
  });

  test('overlapping cache rules are refused', () => {
    const overlapping = `${valid}    - prefix: /_astro/fonts/\n      cacheControl: no-cache\n`;
    expect(hostingError(overlapping)).toContain(
      'cache → rules → 1 → prefix: /_astro/fonts/ is inside /_astro/ (rule 1); rules may not overlap.',
    );
  });

  test('a prefix must start and end with a slash', () => {
    expect(hostingError(valid.replace('/_astro/', '_astro'))).toContain(
      'Expected a path prefix starting and ending with /, such as /_astro/.',
    );
  });
});

describe('deploy/redirects.yaml', () => {
  test('redirects parse', () => {
    expect(parseYaml('r', '- from: /a/\n  to: /b/#clause-3-2\n', redirectListSchema)).toEqual([
      { from: '/a/', to: '/b/#clause-3-2' },
    ]);
  });

  test('an empty file means no redirects', () => {
    expect(parseYaml('r', '# none yet\n', redirectListSchema, [])).toEqual([]);
  });

  test('`from` needs its trailing slash', () => {
    expect(redirectsError('- from: /a\n  to: /b/\n')).toContain(
      'redirect 1 → from: Expected a path starting and ending with /',
    );
  });

  test('a missing `to` is named', () => {
    expect(redirectsError('- from: /a/\n')).toContain('redirect 1 → to: Every redirect needs a `to`');
  });

  test('`to` must be a path on this site', () => {
    expect(redirectsError('- from: /a/\n  to: https://example.org/\n')).toContain(
      'redirect 1 → to: Expected a path on this site starting with /',
    );
  });

  test('an address redirected twice is refused', () => {
    expect(redirectsError('- from: /a/\n  to: /b/\n- from: /a/\n  to: /c/\n')).toContain(
      'redirect 2 → from: /a/ is already redirected by redirect 1; keep one of them.',
    );
  });

  test('a chain of redirects is refused', () => {
    expect(redirectsError('- from: /a/\n  to: /b/\n- from: /b/\n  to: /c/\n')).toContain(
      'redirect 1 → to: /b/ is itself redirected; point this redirect straight at the final page.',
    );
  });

  test('a redirect to itself is refused', () => {
    expect(redirectsError('- from: /a/\n  to: /a\n')).toContain('redirect 1 → to: /a/ would redirect to itself.');
  });
});
