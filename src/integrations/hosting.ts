import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { userError } from '../lib/user-error.ts';
import { HostingConfigError, loadHosting, type Hosting } from '../lib/hosting/config.ts';
import { removeHiddenFiles } from '../lib/hosting/hidden-files.ts';
import { imageHeaders } from '../lib/hosting/headers.ts';
import { headersFile, redirectsFile } from '../lib/hosting/host-files.ts';
import { blockedInlineCode } from '../lib/hosting/inline-code.ts';

/**
 * Checks the build against deploy/hosting.yaml and deploy/redirects.yaml and writes `_headers` and
 * `_redirects` into the output directory Astro built (which need not be dist/).
 * deploy/nginx.conf is written by `npm run deploy:nginx-conf` instead, because it is committed.
 */
export function hosting(): AstroIntegration {
  let hostingData: Hosting;
  return {
    name: 'ld-hosting',
    hooks: {
      // Read the data files first, so a mistake in them stops the build before it spends time on pages.
      'astro:config:setup': ({ config }) => {
        hostingData = load(fileURLToPath(config.root));
      },
      // The dev server (`npm run dev`, `npm run edit`) serves content images from /_image and /@fs/:
      // each gets the policy the built site sends with them, so an image opened on its own runs no script
      // where the CMS's local backend is a request away. So does everything under /@fs/ (scripts and
      // styles ignore it).
      'astro:server:setup': ({ server }) => {
        const headers = imageHeaders(hostingData.settings) ?? [];
        server.middlewares.use((req, res, next) => {
          // /@fs/ serves any file of the project by its path, content included: a document there (an .html
          // or .svg committed into content/) would otherwise run as the dev server's own page.
          const anyFile = (req.url ?? '').startsWith('/@fs/');
          const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
          res.writeHead = ((...args: unknown[]) => {
            const given = args.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg)) as
              Record<string, unknown> | undefined;
            const typeKey = given && Object.keys(given).find((key) => key.toLowerCase() === 'content-type');
            const type = String((typeKey && given?.[typeKey]) ?? res.getHeader('content-type') ?? '');
            if (anyFile || type.toLowerCase().startsWith('image/')) {
              for (const [name, value] of headers) {
                res.setHeader(name, value);
                const key = given && Object.keys(given).find((k) => k.toLowerCase() === name.toLowerCase());
                if (key) delete given[key];
              }
            }
            return writeHead(...args);
          }) as typeof res.writeHead;
          next();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Astro copies public/ whole; a hidden file there (`.env`) must not be published (npm run check warns).
        const removed = removeHiddenFiles(outDir, hostingData.settings.serving.hiddenPathsServed);
        if (removed.length) logger.info(`Left out ${removed.length} hidden file(s) copied from public/.`);
        const pages = htmlPages(outDir);
        const blocked = blockedInlineCode(pages, hostingData.settings.contentSecurityPolicy);
        if (blocked.length > 0) {
          throw userError(
            `The build has inline code that the site's Content-Security-Policy blocks:\n${blocked.join('\n')}`,
            'Pages may load scripts and styles only from files; see contentSecurityPolicy in deploy/hosting.yaml.',
          );
        }
        const exists = (urlPath: string) => servedFileExists(outDir, urlPath);
        const hidden = hostingData.redirects.filter(({ from }) => exists(from) || exists(from.slice(0, -1)));
        if (hidden.length > 0) {
          throw userError(
            `deploy/redirects.yaml redirects ${hidden.map(({ from }) => from).join(', ')}, which the build has a page for: the redirect would hide the page.`,
            'Remove the redirect, or the page.',
          );
        }
        for (const { from, to } of hostingData.redirects) {
          if (!exists(to.split('#')[0])) {
            logger.warn(`deploy/redirects.yaml sends ${from} to ${to}, which this build does not have.`);
          }
        }
        writeAtomically(path.join(outDir, '_headers'), headersFile(hostingData));
        writeAtomically(path.join(outDir, '_redirects'), redirectsFile(hostingData));
        logger.info(`Wrote _headers and _redirects (${hostingData.redirects.length} redirect(s)).`);
      },
    },
  };
}

function load(root: string): Hosting {
  try {
    return loadHosting(root);
  } catch (error) {
    if (error instanceof HostingConfigError) {
      throw userError(error.message, 'deploy/hosting.yaml and deploy/redirects.yaml say why in their comments.');
    }
    throw error;
  }
}

// Every built page, named by its URL path for messages: the output directory may be a temporary one.
// An issue's email edition (bulletins/YYYY-MM/email.html) is not a page: it is pasted into email tools,
// which need its styles inline, so the site's CSP does not apply to what it is for.
function htmlPages(outDir: string): { file: string; html: string }[] {
  return fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && entry.name !== 'email.html')
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const urlPath = `/${path.relative(outDir, full).split(path.sep).join('/')}`.replace(/(^|\/)index\.html$/, '$1');
      return { file: urlPath, html: fs.readFileSync(full, 'utf8') };
    });
}

// True when a server would answer the path with a file: /a/ => a/index.html, /a.xml => a.xml.
function servedFileExists(outDir: string, urlPath: string): boolean {
  const file = path.join(outDir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
  return fs.existsSync(file) && fs.statSync(file).isFile();
}

function writeAtomically(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}
