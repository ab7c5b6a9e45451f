import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { AstroConfig, AstroIntegration, ImageMetadata } from 'astro';
import { checkEntry } from '../cms/check-entry.ts';
import { CHECK_PATH, DECAP_PATH, PREVIEW_PATH } from '../cms/paths.ts';
import type { renderPreview } from '../cms/render-preview.ts';
import { jsonBody } from '../lib/json-body.ts';
import { PUBLISH_STATUS_PATH, type PublishStatus } from '../lib/publish-status.ts';
import { MAX_BODY, fromAdminPage, sender } from './admin-requests.ts';
import { answerPreview } from './preview-endpoint.ts';
import { siteConfig } from '../site.config.ts';

/** The files of Decap's browser bundle: the script, its lazily loaded chunks and WebAssembly. */
const decapFile = /^(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$/;
const decapDir = () => path.dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));

const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/**
 * The CMS at /admin/: serves Decap's bundle from node_modules under the dev server and copies it into
 * the build; under the dev server, also answers the admin page's "check this entry" requests with what
 * `npm run check` says, so errors reach the editor before publishing.
 */
export function cms(): AstroIntegration {
  let root = process.cwd();
  let config: AstroConfig | undefined;
  let markdown: Promise<MarkdownRenderer> | undefined;
  return {
    name: 'ld-cms',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        root = fileURLToPath(config.root);
        // The preview (and the dev page) show an entry's images through the dev server's image endpoint,
        // which reads only allowed folders: the project's, and the content folder wherever CONTENT_DIR puts it.
        if (command === 'dev') updateConfig({ vite: { server: { fs: { allow: [root, siteConfig.contentDir] } } } });
      },
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const url = new URL(req.url ?? '/', 'http://127.0.0.1');
          if (url.pathname.startsWith(DECAP_PATH)) return serveDecap(url.pathname.slice(DECAP_PATH.length), res);
          if (url.pathname === CHECK_PATH) return void answerCheck(req, res, root);
          if (url.pathname === PREVIEW_PATH) {
            return void answerPreview(req, res, {
              repoRoot: siteConfig.cms.repoRoot,
              contentDir: siteConfig.contentDir,
              today: siteConfig.buildDate,
              // The renderer Astro's content layer makes from the same configuration (astro/content/content-layer).
              markdown: () =>
                (markdown ??= config!.markdown.processor.createRenderer({
                  image: config!.image,
                  syntaxHighlight: config!.markdown.syntaxHighlight,
                  shikiConfig: config!.markdown.shikiConfig,
                  gfm: config!.markdown.gfm,
                  smartypants: config!.markdown.smartypants,
                })),
              load: () =>
                server.ssrLoadModule(path.join(root, 'src/cms/render-preview.ts')) as Promise<{
                  renderPreview: typeof renderPreview;
                }>,
              loadImage: async (file) => ((await server.ssrLoadModule(file)) as { default?: ImageMetadata }).default,
            });
          }
          if (url.pathname === PUBLISH_STATUS_PATH) return servePublishStatus(res);
          next();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!siteConfig.cms.configured) {
          const removed = leaveAdminOut(fileURLToPath(dir));
          logger.warn(
            `/admin/ was left out of this build: no CMS is set up (CMS_REPO names no repository). The site needs no CMS; ` +
              `to build the editor, set CMS_REPO (and CMS_AUTH_URL if its host needs one), as docs/deploy.md says.` +
              (removed.length > 0 ? ` Removed ${removed.length} file(s) only it used.` : ''),
          );
          return;
        }
        const target = path.join(fileURLToPath(dir), DECAP_PATH);
        fs.mkdirSync(target, { recursive: true });
        for (const name of fs.readdirSync(decapDir())) {
          if (decapFile.test(name)) fs.copyFileSync(path.join(decapDir(), name), path.join(target, name));
        }
      },
    },
  };
}

/**
 * Removes the built /admin/ page and the script files only it loads; returns those files. A file that
 * any other built page, script or style names is kept.
 */
function leaveAdminOut(outDir: string): string[] {
  const adminDir = path.join(outDir, 'admin');
  const page = path.join(adminDir, 'index.html');
  const html = fs.existsSync(page) ? fs.readFileSync(page, 'utf8') : '';
  fs.rmSync(adminDir, { recursive: true, force: true });
  const loaded = [...html.matchAll(/(?:src|href)="\/(_astro\/[^"?#]+)"/g)].map((match) => match[1]!);
  if (loaded.length === 0) return [];
  const others = fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|js|css|json)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const texts = others.map((other) => [other, fs.readFileSync(other, 'utf8')] as const);
  const named = (file: string) =>
    texts.some(([other, text]) => other !== path.join(outDir, file) && text.includes(path.basename(file)));
  const removed = loaded.filter((file) => !named(file));
  for (const file of removed) fs.rmSync(path.join(outDir, file), { force: true });
  return removed;
}

function serveDecap(name: string, res: ServerResponse) {
  if (!decapFile.test(name)) {
    res.statusCode = 404;
    return void res.end('Not found');
  }
  res.setHeader('Content-Type', types[path.extname(name)] ?? 'application/octet-stream');
  fs.createReadStream(path.join(decapDir(), name)).pipe(res);
}

/**
 * Under `npm run edit`, where publishing stands (cli/lib/publish-on-change.ts writes it); in the built
 * site the same address is a file `npm run publish` puts beside the live pages. Always an answer, never
 * a 404 in the editor's console: where this editor does not publish (PUBLISH_NOT_SET_UP, set by
 * cli/edit.ts with the reason) it says so; before the first publish, there is nothing to say yet (204).
 */
function servePublishStatus(res: ServerResponse) {
  const file = process.env.PUBLISH_STATUS_FILE;
  const notSetUp = process.env.PUBLISH_NOT_SET_UP;
  res.setHeader('Cache-Control', 'no-store');
  if (notSetUp || !file) {
    res.setHeader('Content-Type', 'application/json');
    const reason =
      notSetUp ??
      'Publish now saves the change to the main branch only. The live site changes when the developers publish it.';
    const status: PublishStatus = { state: 'not-set-up', reason };
    return void res.end(JSON.stringify(status));
  }
  if (!fs.existsSync(file)) {
    res.statusCode = 204;
    return void res.end();
  }
  res.setHeader('Content-Type', 'application/json');
  fs.createReadStream(file).pipe(res);
}

async function answerCheck(req: IncomingMessage, res: ServerResponse, root: string) {
  const send = sender(res);
  const host = req.headers.host;
  if (!fromAdminPage(req) || !host) {
    return send(403, { error: 'Only the admin page of this server may ask for a check.' });
  }
  try {
    const body = (await jsonBody(req, MAX_BODY)) as { path?: unknown; raw?: unknown; assets?: unknown };
    const problems = await checkEntry(
      {
        path: String(body.path),
        raw: String(body.raw),
        assets: Array.isArray(body.assets) ? body.assets.map(String) : [],
      },
      {
        repoRoot: siteConfig.cms.repoRoot,
        contentDir: siteConfig.contentDir,
        root,
        buildDate: siteConfig.buildDate,
        fetchPage: async (url) => {
          const response = await fetch(`http://${host}${url}`, { redirect: 'follow' });
          return response.ok ? response.text() : undefined;
        },
      },
    );
    if (!problems) return send(400, { error: 'That file is not in the content folder.' });
    send(200, { problems });
  } catch {
    send(400, { error: 'The check could not read the entry.' });
  }
}
