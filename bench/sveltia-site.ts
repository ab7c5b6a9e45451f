/**
 * Sveltia CMS for the CMS comparison (bench/cms-compare.ts, issue 26): installed outside the project's
 * dependencies (bench/tmp/sveltia, git-ignored; never in CI), given our own CMS configuration
 * (src/cms/config.ts) in the form Sveltia reads, and served on 127.0.0.1 with an admin page.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cmsConfig } from '../src/cms/config.ts';

/** The version measured; pinned so the figures in bench/README.md can be made again. */
export const SVELTIA_VERSION = '0.221.1';
/** The fonts Sveltia loads from cdn.jsdelivr.net, served from these packages instead (no Internet here). */
const FONT_PACKAGES = [
  '@fontsource-variable/material-symbols-outlined@5.3.8',
  '@fontsource-variable/source-sans-3@5.3.1',
  '@fontsource/noto-mono@5.3.0',
];
const PREFIX = path.resolve('bench/tmp/sveltia');
const DIST = path.join(PREFIX, 'node_modules/@sveltia/cms/dist');

/** Installs @sveltia/cms and its fonts into bench/tmp/sveltia with npm unless that version is already there. */
export function installSveltia(): string {
  const manifest = path.join(PREFIX, 'node_modules/@sveltia/cms/package.json');
  const installed = fs.existsSync(manifest)
    ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string })
    : undefined;
  if (installed?.version !== SVELTIA_VERSION) {
    fs.mkdirSync(PREFIX, { recursive: true });
    const packages = [`@sveltia/cms@${SVELTIA_VERSION}`, ...FONT_PACKAGES];
    const npm = spawnSync('npm', ['install', '--prefix', PREFIX, '--no-audit', '--no-fund', ...packages], {
      stdio: 'inherit',
    });
    if (npm.status !== 0) throw new Error(`npm could not install @sveltia/cms@${SVELTIA_VERSION} into ${PREFIX}.`);
  }
  return SVELTIA_VERSION;
}

type Field = Record<string, unknown> & {
  widget?: string;
  fields?: Field[];
  field?: Field;
  editor_components?: string[];
};

/**
 * Our Decap configuration as Sveltia takes it. Sveltia reads Decap's settings, but not what our admin page
 * registers in Decap at run time: the `ld-*` file formats (format.ts keeps unchanged fields as written) become
 * Sveltia's own front matter and YAML, the `british-date` field its date picker, and our Table block is left
 * out, since Sveltia's editor is to hold tables itself. Sveltia ignores `local_backend` (its configuration
 * check says so); its local mode is the GitHub backend's "Work with Local Repository".
 */
export function sveltiaConfig(siteUrl: string): Record<string, unknown> {
  const repoRoot = '/repository';
  const config = cmsConfig({
    repoRoot,
    contentDir: `${repoRoot}/content`,
    siteUrl,
    nextIssueDate: '2015-03-01',
    versions: ['2020'],
    backend: { name: 'github', repo: 'example/liaison-and-diversion', branch: 'main' },
  }) as unknown as { collections: (Field & { format?: string; files?: (Field & { format?: string })[] })[] };
  const fix = (field: Field): Field => {
    const out: Field = { ...field };
    if (out.widget === 'british-date') {
      Object.assign(out, { widget: 'datetime', time_format: false, format: 'YYYY-MM-DD' });
    }
    if (out.editor_components) out.editor_components = out.editor_components.filter((c) => c !== 'table');
    if (out.fields) out.fields = out.fields.map(fix);
    if (out.field) out.field = fix(out.field);
    return out;
  };
  const format = (name?: string) =>
    name?.startsWith('ld-data-') ? 'yaml' : name?.startsWith('ld-') ? 'frontmatter' : name;
  const collections = config.collections.map((c) => ({
    ...c,
    format: format(c.format),
    ...(c.fields ? { fields: c.fields.map(fix) } : {}),
    ...(c.files ? { files: c.files.map((f) => ({ ...f, format: format(f.format), fields: f.fields?.map(fix) })) } : {}),
  }));
  return { ...config, collections };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
};

/** Serves the admin page, Sveltia's files and the configuration on 127.0.0.1; resolves with its origin. */
export async function serveSveltia(): Promise<{ origin: string; close: () => Promise<void> }> {
  let config = '';
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="robots" content="noindex" />
    <title>Content editor (Sveltia CMS, benchmark)</title>
    <script>window.CMS_MANUAL_INIT = true;</script>
    <script src="/admin/sveltia-cms.js"></script>
  </head>
  <body>
    <script>
      fetch('/admin/config.json').then((r) => r.json()).then((config) => CMS.init({ config: { ...config, load_config_file: false } }));
    </script>
  </body>
</html>`;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/admin/' || url.pathname === '/admin/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    } else if (url.pathname === '/admin/config.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(config);
    } else if (url.pathname === '/admin/blank') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>blank</title>');
    } else {
      const file = path.join(DIST, path.normalize(url.pathname.replace(/^\/admin\//, '')));
      if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  config = JSON.stringify(sveltiaConfig(origin), null, 2);
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
