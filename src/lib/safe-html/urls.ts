/**
 * Which addresses content may use, in one place: links in bodies, images, and every URL field in
 * frontmatter and data files. Anything else (javascript:, data:, vbscript:, file:, another site's image)
 * is removed from what is published and reported by `npm run check`.
 */

/** Schemes a link may use; everything else must be an address on this site. */
export const LINK_PROTOCOLS = ['https', 'http', 'mailto'] as const;

/** The address without the spaces and control characters (U+0000 to U+0020) that browsers ignore at its start. */
function trimLeading(url: string): string {
  let start = 0;
  while (start < url.length && url.charCodeAt(start) <= 0x20) start++;
  return url.slice(start);
}

/** The scheme of an address as a browser reads it (tabs and newlines ignored), or undefined for a relative one. */
function schemeOf(url: string): string | undefined {
  // Browsers drop ASCII tabs and newlines anywhere in a URL and spaces and controls at its ends, so
  // `java\nscript:` is still javascript:. Reading it the same way keeps such tricks from passing as relative.
  const cleaned = trimLeading(url.replace(/[\t\n\r]/g, ''));
  const match = /^([^/?#]*?):/.exec(cleaned);
  return match ? match[1].toLowerCase() : undefined;
}

/** Whether the address leaves this site without a scheme: `//host/…`, or `/\host`, which browsers read the same. */
function otherHost(url: string): boolean {
  const trimmed = trimLeading(url);
  return /^[/\\]{2}/.test(trimmed) || trimmed.startsWith('\\');
}

/**
 * Whether a link may be published: https:, http:, mailto:, or an address on this site (`/bulletins/`,
 * `../about/`, `#clause-5-2`).
 * @example safeLink('javascript:alert(1)') // => false
 */
export function safeLink(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined ? true : (LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

/**
 * Whether an image may be published: a file in the content folder (`./map.png`) or on this site
 * (`/assets/images/…`), never another site's, which would tell it who reads the page, nor a data: URL.
 * @example safeImage('https://tracker.example/pixel.gif') // => false
 */
export function safeImage(url: string): boolean {
  return url.trim() !== '' && schemeOf(url) === undefined && !otherHost(url);
}

/** What an editor should write instead of an address that is not allowed, for error messages. */
export const LINK_ADVICE =
  'an address starting https:// (or http://, or mailto: for an email address), or a path on this site such as /bulletins/';
export const IMAGE_ADVICE =
  'an image file saved in the content folder (![What it shows](./name.png)) or under public/ (/assets/…)';
