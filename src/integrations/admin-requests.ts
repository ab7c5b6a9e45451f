import type { IncomingMessage, ServerResponse } from 'node:http';

/** The most a request to the admin's own routes may send. */
export const MAX_BODY = 2 * 1024 * 1024;

/** A JSON answer that nothing caches. */
export function sender(res: ServerResponse) {
  return (status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify(body));
  };
}

/** Only the admin page on this very server may ask: a page elsewhere cannot make it read or render content. */
export const fromAdminPage = (req: IncomingMessage) =>
  req.method === 'POST' && Boolean(req.headers.host) && req.headers.origin === `http://${req.headers.host}`;
