import { z } from 'astro/zod';
import { strictObject } from './strict.ts';

// Values end up inside double quotes in nginx.conf, where `"` would end the string, `$` would start a
// variable and `\` would escape; and on one line of `_headers`, so no line breaks either.
const unsafeValue = /["$\\\r\n]/;
const headerValue = (what: string) =>
  z
    .string()
    .min(1)
    .refine((value) => !unsafeValue.test(value), {
      error: `Write the ${what} without double quotes, dollar signs, backslashes or line breaks: nginx and _headers cannot carry them safely.`,
    });

/** A URL path prefix such as `/_astro/`: starts and ends with a slash. */
const prefix = z.string().regex(/^\/([A-Za-z0-9._~-]+\/)*$/, {
  error: 'Expected a path prefix starting and ending with /, such as /_astro/.',
});

/** One Cache-Control rule: every path starting with `prefix`. */
export const cacheRuleSchema = strictObject(
  {
    /** The paths the rule covers. Example: `/_astro/`. */
    prefix: prefix.describe('The paths the rule covers, such as /_astro/.'),
    /** The Cache-Control value. Example: `public, max-age=31536000, immutable`. */
    cacheControl: headerValue('Cache-Control value').describe('The Cache-Control value for those paths.'),
  },
  'a cache rule',
);

// 'unsafe-inline' would let injected script run and 'unsafe-eval' would allow eval(): the policy exists
// to forbid both. Pagefind needs only 'wasm-unsafe-eval'.
const forbiddenScriptSources = ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*'];

// `sandbox` alone may be empty: with no value it applies every restriction (no script, a unique origin).
const directives = () =>
  z
    .record(
      z.string().regex(/^[a-z]+(-[a-z]+)*$/, { error: 'Expected a directive name such as script-src.' }),
      z.array(
        z.string().regex(/^('[a-z0-9+/=-]+'|[A-Za-z0-9*.:/_-]+)$/, {
          error: "Expected one source per item, such as 'self', 'none' or 'sha256-…' (keywords in single quotes).",
        }),
      ),
    )
    .superRefine((csp, ctx) => {
      for (const [name, sources] of Object.entries(csp)) {
        if (name !== 'sandbox' && sources.length === 0)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: "List at least one source; write ['none'] to allow nothing.",
          });
      }
    });

/** A part of the site with a policy of its own: the CMS at /admin/. */
export const pathPolicySchema = strictObject(
  {
    prefix: prefix.describe('The paths the policy covers, such as /admin/.'),
    /** The whole policy for those paths, replacing the site's. 'unsafe-eval' is allowed here only. */
    contentSecurityPolicy: directives().describe('The Content-Security-Policy for those paths.'),
    /** Headers sent with those paths only, such as X-Robots-Tag. */
    headers: z.record(z.string().regex(/^[A-Za-z]+(-[A-Za-z]+)*$/), headerValue('header value')).default({}),
  },
  'a path policy',
);

/** How every host serves the site: `deploy/hosting.yaml`. */
export const hostingSchema = strictObject(
  {
    /** CSP directives, each with its list of sources. Example: `script-src: ["'self'"]`. */
    contentSecurityPolicy: z
      .record(
        z.string().regex(/^[a-z]+(-[a-z]+)*$/, { error: 'Expected a directive name such as script-src.' }),
        z
          .array(
            z.string().regex(/^('[a-z0-9+/=-]+'|[A-Za-z0-9*.:/_-]+)$/, {
              error: "Expected one source per item, such as 'self', 'none' or 'sha256-…' (keywords in single quotes).",
            }),
          )
          .min(1, { error: "List at least one source; write ['none'] to allow nothing." }),
      )
      .superRefine((csp, ctx) => {
        for (const directive of ['default-src', 'script-src', 'frame-ancestors']) {
          if (!csp[directive]) ctx.addIssue({ code: 'custom', message: `The policy needs a ${directive} directive.` });
        }
        for (const source of csp['script-src'] ?? []) {
          if (forbiddenScriptSources.includes(source)) {
            ctx.addIssue({
              code: 'custom',
              path: ['script-src'],
              message: `${source} would defeat the policy. Move inline script to a file, or add its 'sha256-…' hash.`,
            });
          }
        }
      })
      .describe('The Content-Security-Policy directives.'),
    /** Headers sent with every response. Example: `X-Content-Type-Options: nosniff`. */
    headers: z
      .record(
        z.string().regex(/^[A-Za-z]+(-[A-Za-z]+)*$/, { error: 'Expected a header name such as Referrer-Policy.' }),
        headerValue('header value'),
      )
      .superRefine((headers, ctx) => {
        for (const name of Object.keys(headers)) {
          const lower = name.toLowerCase();
          if (lower === 'content-security-policy' || lower === 'cache-control') {
            ctx.addIssue({
              code: 'custom',
              path: [name],
              message: `Set ${name} in ${lower === 'cache-control' ? '`cache`' : '`contentSecurityPolicy`'} instead: each header has one place.`,
            });
          }
        }
      })
      .describe('Headers sent with every response.'),
    /** Cache-Control by path prefix. */
    cache: strictObject(
      {
        /** For every path no rule covers: HTML pages, feeds, the 404 page. */
        default: headerValue('Cache-Control value').describe('Cache-Control for every path no rule covers.'),
        /** Rules may not overlap: no prefix starts with another. */
        rules: z
          .array(cacheRuleSchema)
          .default([])
          .superRefine((rules, ctx) => {
            // Hosts that read _headers apply every matching rule and differ on how they combine two
            // Cache-Control values, so no path may be covered by two rules.
            rules.forEach((rule, index) => {
              const other = rules.findIndex((o, i) => i !== index && rule.prefix.startsWith(o.prefix));
              if (other !== -1) {
                ctx.addIssue({
                  code: 'custom',
                  path: [index, 'prefix'],
                  message: `${rule.prefix} is inside ${rules[other].prefix} (rule ${other + 1}); rules may not overlap.`,
                });
              }
            });
          })
          .describe('Cache-Control by path prefix; rules may not overlap.'),
      },
      'the cache settings',
    ),
    /** What the server refuses, and how much it does for one request. */
    serving: strictObject(
      {
        /** Hidden paths (a part starting with a dot) are refused except under these prefixes. Example: `/.well-known/`. */
        hiddenPathsServed: z
          .array(prefix)
          .default([])
          .describe('Prefixes under which hidden paths (a part starting with a dot) are still served.'),
        /** Byte ranges one request may ask for. Example: `1`. */
        maxRanges: z.int().min(0).max(16).default(1).describe('The most byte ranges one request may ask for.'),
        /** Media types by file extension, for files nginx's own list does not know. */
        mediaTypes: z
          .record(
            z
              .string()
              .regex(/^[a-z0-9]+$/, { error: 'Expected a file extension without its dot, such as webmanifest.' }),
            z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/, { error: 'Expected a media type such as application/json.' }),
          )
          .default({})
          .describe('Media types by file extension, for files nginx does not know.'),
      },
      'the serving settings',
    ).prefault({}),
    /** Parts of the site with a policy of their own (the CMS). */
    paths: z.array(pathPolicySchema).default([]).describe('Parts of the site with a policy of their own.'),
  },
  'the hosting settings',
);

/** A path on this site that a page or file is served at, such as `/bulletins/feed.xml`. */
const sitePath = z
  .string({ error: 'Every redirect needs a `to`: the page it leads to, such as /bulletins/.' })
  .regex(/^\/([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*(#[A-Za-z0-9_-]+)?$/, {
    error:
      'Expected a path on this site starting with /, such as /bulletins/ (an anchor such as #clause-3-2 may follow).',
  });

/** One permanent redirect: `deploy/redirects.yaml`. */
export const redirectSchema = strictObject(
  {
    /** The old or mistaken address, with its trailing slash. Example: `/bulletin/`. */
    from: z
      .string({ error: 'Every redirect needs a `from`: the old address, such as /bulletin/.' })
      .regex(/^\/([A-Za-z0-9._~-]+\/)+$/, {
        error:
          'Expected a path starting and ending with /, such as /bulletin/ (the address without the slash is redirected too).',
      })
      .describe('The old or mistaken address, with its trailing slash.'),
    /** Where it leads. Example: `/bulletins/`. */
    to: sitePath.describe('The page it leads to.'),
  },
  'a redirect',
);

/** Every redirect: no address redirected twice, and none leading to another redirect. */
export const redirectListSchema = z.array(redirectSchema).superRefine((redirects, ctx) => {
  const froms = new Map<string, number>();
  redirects.forEach(({ from }, index) => {
    if (froms.has(from)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'from'],
        message: `${from} is already redirected by redirect ${froms.get(from)! + 1}; keep one of them.`,
      });
    }
    froms.set(from, index);
  });
  redirects.forEach(({ from, to }, index) => {
    const target = to.split('#')[0];
    if (target === from || target === from.slice(0, -1)) {
      ctx.addIssue({ code: 'custom', path: [index, 'to'], message: `${from} would redirect to itself.` });
    } else if (froms.has(target) || froms.has(`${target}/`)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'to'],
        message: `${to} is itself redirected; point this redirect straight at the final page.`,
      });
    }
  });
});

export type HostingSettings = z.infer<typeof hostingSchema>;
export type Redirect = z.infer<typeof redirectSchema>;
