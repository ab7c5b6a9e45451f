import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { jsonBody } from '../../src/lib/json-body.ts';
import { refusedRequest } from './backend-paths.ts';

const require = createRequire(import.meta.url);

/** decap-server's git mode, as middleware: the editorial workflow on branches of a local repository. */
interface DecapServerMiddlewares {
  registerLocalGit(app: unknown, options?: { logLevel?: string }): Promise<void>;
}

export interface LocalGitServer {
  /** `http://127.0.0.1:<port>/api/v1`: what the CMS's `local_backend` points at. */
  url: string;
  /** Starts answering, for the admin page at `origin` only. */
  open(origin: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * decap-server in git mode, listening on 127.0.0.1 only (at a free port) and answering only the dev
 * server's admin page: a request from any other origin, or addressed to another host name (DNS
 * rebinding), is refused before decap-server sees it, and so is one that reads or writes outside the
 * content folder (cli/lib/backend-paths.ts). Until `open` it refuses everything.
 * @example const git = await startLocalGitServer('/work/site', '/work/site/content'); await git.open('http://127.0.0.1:4321');
 */
export async function startLocalGitServer(repoRoot: string, contentDir: string): Promise<LocalGitServer> {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}/api/v1`,
    async open(origin) {
      // decap-server reads these when its middleware is registered.
      process.env.GIT_REPO_DIRECTORY = repoRoot;
      process.env.ORIGIN = origin;
      const express = require(
        require.resolve('express', { paths: [require.resolve('decap-server/package.json')] }),
      ) as () => {
        use: (fn: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void) => void;
      } & http.RequestListener;
      const { registerLocalGit } = require('decap-server/dist/middlewares.js') as DecapServerMiddlewares;
      const app = express();
      app.use((req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => {
        if (req.headers.host !== host || req.headers.origin !== origin) {
          res.statusCode = 403;
          res.setHeader('Content-Type', 'text/plain');
          return void res.end(`Only the editor at ${origin}/admin/ may use this server.`);
        }
        next();
      });
      // Reads the request itself, so that a path outside the content folder is refused before
      // decap-server sees it; decap-server's own JSON reader then takes the body as read (`_body`).
      app.use((req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => {
        if (req.method !== 'POST') return next();
        // decap-server's own limit: pictures arrive as base64.
        void jsonBody(req, 50 * 1024 * 1024).then(
          (body) => {
            const refused = refusedRequest(body, repoRoot, contentDir);
            if (refused) {
              res.statusCode = 403;
              res.setHeader('Content-Type', 'application/json');
              return void res.end(JSON.stringify({ error: refused }));
            }
            Object.assign(req, { body, _body: true });
            next();
          },
          () => {
            res.statusCode = 400;
            res.setHeader('Content-Type', 'application/json');
            res.end(JSON.stringify({ error: 'The request could not be read.' }));
          },
        );
      });
      await registerLocalGit(app, { logLevel: 'warn' });
      handler = app;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
