import { parseFeed } from '@rowanmanning/feed-parser';
import { Ajv } from 'ajv';
import * as cheerio from 'cheerio';
import { XMLValidator } from 'fast-xml-parser';

const absoluteUrl = { type: 'string', pattern: '^https?://' };
// RFC 3339 date-time, as JSON Feed 1.1 requires for dates.
const rfc3339 = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
};
const author = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: { name: { type: 'string' }, url: absoluteUrl, avatar: absoluteUrl },
};

/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1) as a JSON Schema: its required fields, their types, and the
 * 1.1 rules that a 1.0 generator would break (`authors` not `author`, the 1.1 version URL).
 */
export const jsonFeedSchema = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    // `author` was JSON Feed 1.0's; 1.1 replaced it with `authors`.
    author: false,
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string', minLength: 1 },
    home_page_url: absoluteUrl,
    feed_url: absoluteUrl,
    description: { type: 'string' },
    icon: absoluteUrl,
    favicon: absoluteUrl,
    language: { type: 'string' },
    expired: { type: 'boolean' },
    authors: { type: 'array', minItems: 1, items: author },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        // An item has content_html, content_text or both.
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          author: false,
          id: { type: 'string', minLength: 1 },
          url: absoluteUrl,
          external_url: absoluteUrl,
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          image: absoluteUrl,
          banner_image: absoluteUrl,
          date_published: rfc3339,
          date_modified: rfc3339,
          authors: { type: 'array', minItems: 1, items: author },
          tags: { type: 'array', items: { type: 'string' } },
          language: { type: 'string' },
        },
      },
    },
  },
} as const;

const validate = new Ajv({ allErrors: true }).compile(jsonFeedSchema);

/** What a JSON Feed 1.1 item carries that the tests read. */
export interface JsonFeedItem {
  id: string;
  url?: string;
  title?: string;
  content_html?: string;
  summary?: string;
  date_published?: string;
  tags?: string[];
}

/**
 * Parses a JSON Feed and checks it against the 1.1 specification, throwing with every problem found.
 * @example parseJsonFeed(text).items[0].id // => 'https://…/bulletins/2015-05/'
 */
export function parseJsonFeed(text: string): { title: string; items: JsonFeedItem[] } & Record<string, unknown> {
  const feed: unknown = JSON.parse(text);
  if (!validate(feed)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new Error(`Not a valid JSON Feed 1.1: ${problems}`);
  }
  return feed as { title: string; items: JsonFeedItem[] };
}

/**
 * Checks an RSS or Atom document is well-formed XML, then reads it with a feed parser that real
 * readers use, throwing if either fails.
 * @example parseXmlFeed(text).items.length // => 1
 */
export function parseXmlFeed(text: string): ReturnType<typeof parseFeed> {
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err;
    throw new Error(`Not well-formed XML at line ${line}, column ${col}: ${msg}`);
  }
  return parseFeed(text);
}

/**
 * Every link and image address in an HTML document or fragment.
 * @example addressesIn('<a href="/x">x</a><img src="y.png" alt="">') // => ['/x', 'y.png']
 */
export function addressesIn(html: string): string[] {
  const $ = cheerio.load(html);
  return $('[href], [src]')
    .toArray()
    .map((element) => $(element).attr('href') ?? $(element).attr('src') ?? '');
}
