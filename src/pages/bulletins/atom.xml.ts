import type { APIRoute } from 'astro';
import { bulletinFeed } from '../../lib/bulletin-feed.ts';
import { bulletinFeeds, atomFeed } from '../../lib/feeds.ts';

/** Every published issue as Atom 1.0, newest first, with its full content. */
export const GET: APIRoute = async () => {
  const { channel, entries } = await bulletinFeed();
  return new Response(atomFeed(channel, entries), {
    headers: { 'Content-Type': `${bulletinFeeds.atom.type}; charset=utf-8` },
  });
};
