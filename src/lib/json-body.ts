import type { IncomingMessage } from 'node:http';

/**
 * A request's JSON body, refused (thrown) past `limit` bytes so that no request can fill the memory of a
 * server on an editor's computer.
 * @example const body = await jsonBody(req, 2 * 1024 * 1024);
 */
export async function jsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too big');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
