import type { Hosting } from './config.ts';
import { contentSecurityPolicy, securityHeaders } from './headers.ts';
import { redirectSources } from './host-files.ts';

/** Where the committed config lives, relative to the project's root. */
export const NGINX_CONF_FILE = 'deploy/nginx.conf';

/** The placeholders in deploy/nginx.conf, replaced when it is installed. */
export const PLACEHOLDERS = { root: '__SITE_ROOT__', listen: '__LISTEN__' } as const;

// Text types: nginx labels them UTF-8, and compresses them on the fly when the build left no .br or .gz
// beside a file. (text/html is always included in both.)
const compressible = [
  'text/css',
  'text/plain',
  'text/xml',
  'application/javascript',
  'application/json',
  'application/rss+xml',
  'application/atom+xml',
  'image/svg+xml',
];

const quote = (value: string) => `"${value}"`;
const escapeRegex = (text: string) => text.replace(/[.\\^$|?*+()[\]{}]/g, '\\$&');

/**
 * The site's part of an nginx configuration, to go inside `http { }`: headers, caching, redirects,
 * precompressed files and the 404 page. The schema has already refused values nginx cannot quote.
 * @example nginxConf(loadHosting('.')).includes('gzip_static on;') // => true
 */
export function nginxConf({ settings, redirects }: Hosting): string {
  const cacheMap = [
    `    default ${quote(settings.cache.default)};`,
    ...settings.cache.rules.map((rule) => `    ${quote(`~^${escapeRegex(rule.prefix)}`)} ${quote(rule.cacheControl)};`),
  ];
  const redirectMap = [
    '    default "";',
    ...redirects.flatMap(({ from, to }) => redirectSources(from).map((source) => `    ${quote(source)} ${quote(to)};`)),
  ];
  const pathHeaderNames = [...new Set(settings.paths.flatMap((p) => Object.keys(p.headers)))];
  const headers = securityHeaders(settings).map(([name, value]) =>
    name === 'Content-Security-Policy'
      ? '    add_header Content-Security-Policy $ld_csp always;'
      : `    add_header ${name} ${quote(value)} always;`,
  );
  headers.push(
    ...pathHeaderNames.map((name) => `    add_header ${name} $ld_${name.toLowerCase().replaceAll('-', '_')} always;`),
  );
  const cspMap = [
    `    default ${quote(contentSecurityPolicy(settings.contentSecurityPolicy))};`,
    ...settings.paths.map(
      (p) => `    ${quote(`~^${escapeRegex(p.prefix)}`)} ${quote(contentSecurityPolicy(p.contentSecurityPolicy))};`,
    ),
  ];
  // nginx sends no header whose value is empty: these go out on their paths only.
  const pathHeaderMaps = pathHeaderNames.map(
    (name) => `map $uri $ld_${name.toLowerCase().replaceAll('-', '_')} {
    default "";
${settings.paths
  .filter((p) => p.headers[name])
  .map((p) => `    ${quote(`~^${escapeRegex(p.prefix)}`)} ${quote(p.headers[name])};`)
  .join('\n')}
}
`,
  );
  const { serving } = settings;
  const mediaTypes = Object.entries(serving.mediaTypes).map(([ext, type]) => `        ${type} ${ext};`);
  // A regex location is matched before the prefix location `/`: every path with a part starting with a
  // dot is refused as if it were not there, except the listed folders themselves: a hidden file inside
  // one (/.well-known/.env) is refused too.
  const prefixes = serving.hiddenPathsServed.map(escapeRegex).join('|');
  const served = prefixes ? `(?:${prefixes}|(?!${prefixes}))` : '';
  const hidden = `    location ~ "^${served}(.*/)?\\." {\n        return 404;\n    }`;
  return `# Generated from deploy/hosting.yaml and deploy/redirects.yaml by \`npm run deploy:nginx-conf\`.
# Do not edit: change those files and run the command again. A unit test fails while this file is stale.
#
# The site's part of an nginx configuration. It goes inside \`http { }\`: on Debian, as a file in
# /etc/nginx/conf.d/. Replace the two placeholders when installing it (\`npm run serve:nginx\` does):
#   ${PLACEHOLDERS.root}  absolute path of the built site (dist/, or the release directory it was copied to)
#   ${PLACEHOLDERS.listen}     where to listen, such as 80, or 127.0.0.1:8080 behind a proxy that terminates TLS
# brotli_static needs Debian's libnginx-mod-http-brotli-static; everything else is in the nginx package.
# See docs/deploy.md.

# Cache-Control by path. $uri is the path after nginx's internal redirects, so the 404 page gets the default.
map $uri $ld_cache_control {
${cacheMap.join('\n')}
}

# The Content-Security-Policy by path: the CMS at /admin/ has its own (deploy/hosting.yaml, \`paths\`).
map $uri $ld_csp {
${cspMap.join('\n')}
}

${pathHeaderMaps.join('\n')}# Permanent redirects, by exact path (deploy/redirects.yaml).
map $uri $ld_redirect {
${redirectMap.join('\n')}
}

server {
    listen ${PLACEHOLDERS.listen};
    server_name _;
    root "${PLACEHOLDERS.root}";
    index index.html;
    # Every text file the build writes is UTF-8; say so, so no browser guesses.
    charset utf-8;
    charset_types ${compressible.join(' ')};
    server_tokens off;
    # Relative Location headers keep the scheme, host and port the reader used, behind a proxy or CDN too.
    absolute_redirect off;

    # Serve page.html.br or page.html.gz from beside page.html when the build made them and the browser
    # accepts them; otherwise compress text on the fly.
    brotli_static on;
    gzip_static on;
    gzip on;
    gzip_vary on;
    gzip_types ${compressible.join(' ')};

    # nginx forgets every add_header of an enclosing block inside a block that has an add_header of its
    # own, so the headers are set here only and no location below adds one. \`always\` sends them with
    # 404s and redirects too.
${headers.join('\n')}
    add_header Cache-Control $ld_cache_control always;

    if ($ld_redirect) {
        return 301 $ld_redirect;
    }

    error_page 404 /404.html;

    # One request may ask for at most this many byte ranges (deploy/hosting.yaml, serving.maxRanges).
    max_ranges ${serving.maxRanges};
${
  mediaTypes.length
    ? `
    # Media types nginx's own list lacks (deploy/hosting.yaml, serving.mediaTypes). A \`types\` block here
    # replaces the http block's list, so Debian's mime.types is included again first.
    include /etc/nginx/mime.types;
    types {
${mediaTypes.join('\n')}
    }
`
    : ''
}
    # Hidden files and folders (.env, .git/) are never served (deploy/hosting.yaml, serving.hiddenPathsServed).
${hidden}

    # A directory's address without its trailing slash is redirected to the address with it, as the site
    # writes every link.
    location / {
    }

    # The 404 page is served only as the answer to a missing page, with status 404.
    location = /404.html {
        internal;
    }

    # Instructions for other hosts, not pages.
    location = /_headers {
        return 404;
    }
    location = /_redirects {
        return 404;
    }
}
`;
}

/**
 * deploy/nginx.conf with its placeholders filled in, ready to include.
 * @example installNginxConf(conf, { root: '/srv/site', listen: '127.0.0.1:8080' }).includes('root "/srv/site";') // => true
 */
export function installNginxConf(conf: string, { root, listen }: { root: string; listen: string }): string {
  if (/["$\\\r\n]/.test(root)) {
    throw new Error(`The site root ${root} contains a character nginx cannot take in a path here; move the site.`);
  }
  return conf.replaceAll(PLACEHOLDERS.root, root).replaceAll(PLACEHOLDERS.listen, listen);
}
