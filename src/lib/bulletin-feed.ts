import { siteConfig } from '../site.config.ts';
import { absoluteUrls } from './absolute-urls.ts';
import { bulletinPath, getBulletins } from './collections.ts';
import { FEED_SIZE, bulletinFeeds, feedUpdated, type FeedChannel, type FeedEntry } from './feeds.ts';
import { entryHtml } from './render.ts';
import { siteUrl } from './site-url.ts';

let built: ReturnType<typeof buildFeed> | undefined;

/**
 * The bulletin feeds' channel and the `FEED_SIZE` newest issues. Issues come from `getBulletins`, so drafts and
 * issues not yet due never reach a feed.
 * @example const { channel, entries } = await bulletinFeed(); rssFeed(channel, entries);
 */
export function bulletinFeed(): Promise<{ channel: FeedChannel; entries: FeedEntry[] }> {
  // Three feeds share one rendering per build; the dev server rebuilds it on every request so edits show.
  if (import.meta.env.DEV) return buildFeed();
  built ??= buildFeed();
  return built;
}

async function buildFeed(): Promise<{ channel: FeedChannel; entries: FeedEntry[] }> {
  const bulletins = (await getBulletins()).slice(0, FEED_SIZE);
  const entries = await Promise.all(
    bulletins.map(async (bulletin) => {
      const url = siteUrl(bulletinPath(bulletin));
      return {
        url,
        title: bulletin.data.title,
        summary: bulletin.data.summary,
        html: absoluteUrls(await entryHtml(bulletin), url),
        published: bulletin.data.date,
        topics: bulletin.data.topics,
      };
    }),
  );
  const channel: FeedChannel = {
    title: `${siteConfig.name} Bulletin`,
    description: `Every issue of the ${siteConfig.name} programme bulletin from ${siteConfig.organisation}, newest first.`,
    homeUrl: siteUrl('/bulletins/'),
    feedUrls: {
      rss: siteUrl(bulletinFeeds.rss.path),
      atom: siteUrl(bulletinFeeds.atom.path),
      json: siteUrl(bulletinFeeds.json.path),
    },
    author: siteConfig.organisation,
    language: 'en-GB',
    iconUrl: siteUrl('/assets/images/nhsuk-icon-512.png'),
    faviconUrl: siteUrl('/favicon.ico'),
    updated: feedUpdated(entries, siteConfig.buildDate),
  };
  return { channel, entries };
}
