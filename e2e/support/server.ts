import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

/** A running static server on 127.0.0.1 and the way to stop it. */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** How to serve a built site. */
export interface ServeOptions {
  /** Serve the `.br` and `.gz` files beside each asset to browsers that accept them, as a static host would. */
  precompressed?: boolean;
}

/**
 * Serves a built site from `dir` on 127.0.0.1 at a free port, answering unknown paths with its 404 page.
 * @example const server = await serveDir('dist'); // => { origin: 'http://127.0.0.1:40123', close }
 */
export async function serveDir(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const compressed = options.precompressed ?? false;
  const files = sirv(root, { dev: false, etag: true, extensions: ['html'], brotli: compressed, gzip: compressed });
  const notFound = path.join(root, '404.html');
  const server = http.createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
