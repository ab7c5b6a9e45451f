import type { APIRoute } from 'astro';
import { bulletinFeed } from '../../lib/bulletin-feed.ts';
import { bulletinFeeds, rssFeed } from '../../lib/feeds.ts';

/** Every published issue as RSS 2.0, newest first, with its full content. */
export const GET: APIRoute = async () => {
  const { channel, entries } = await bulletinFeed();
  return new Response(rssFeed(channel, entries), {
    headers: { 'Content-Type': `${bulletinFeeds.rss.type}; charset=utf-8` },
  });
};
