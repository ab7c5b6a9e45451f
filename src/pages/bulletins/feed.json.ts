import type { APIRoute } from 'astro';
import { bulletinFeed } from '../../lib/bulletin-feed.ts';
import { bulletinFeeds, jsonFeed } from '../../lib/feeds.ts';

/** Every published issue as JSON Feed 1.1, newest first, with its full content. */
export const GET: APIRoute = async () => {
  const { channel, entries } = await bulletinFeed();
  return new Response(jsonFeed(channel, entries), {
    headers: { 'Content-Type': `${bulletinFeeds.json.type}; charset=utf-8` },
  });
};
