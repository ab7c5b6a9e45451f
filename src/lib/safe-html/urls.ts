/**
 * Which addresses content may use, in one place: links in bodies, images, and every URL field in
 * frontmatter and data files. Anything else (javascript:, data:, vbscript:, file:, another site's image)
 * is removed from what is published and reported by `npm run check`.
 *
 * Every decision is made on the address as the WHATWG URL parser reads it (`new URL`), the parser
 * browsers, Node and the feed and email code use, never on the text as written: browsers drop tabs and
 * newlines anywhere in an address, read `\` as `/`, `%2e%2e` as `..` and `127.1` as `127.0.0.1`, so a
 * check that reads the text itself can pass an address that the reader's browser takes elsewhere
 * (issue 23: `/&#9;/evil.example/…` passed as a file of the site and was published as
 * `https://evil.example/…`).
 */

/** Schemes a link may use; everything else must be an address on this site. */
export const LINK_PROTOCOLS = ['https', 'http', 'mailto'] as const;

/**
 * Two pages no real address is on, one for each scheme the site is served over (http in a preview,
 * https when live). An address is the site's own only when it stays on this host from both:
 * `https:evil.example` is a path on an https page but another site on an http one.
 */
const OWN_HOST = 'own.invalid';
const PAGES = [`https://${OWN_HOST}/__page__/here`, `http://${OWN_HOST}/__page__/here`];

/**
 * An address as browsers read it on a page of this site, or undefined when browsers cannot read it at
 * all. `own` is true for an address on this site, whatever its spelling (`./map.png`, `/bulletins/`,
 * `#clause-5-2`, `..%2f`); `url` is what it resolves to (on an https page for own ones).
 * @example readAddress('/\t/evil.example/x.png') // => { own: false, url: URL('https://evil.example/x.png') }
 */
export function readAddress(address: string): { own: boolean; url: URL } | undefined {
  const read = PAGES.map((page) => URL.parse(address, page));
  if (!read[0] || !read[1]) return undefined;
  const own = read.every((url) => url?.host === OWN_HOST);
  // An address that is the site's own from one page and another's from the other is neither: judge it as the other's.
  return { own, url: own || read[0].host !== OWN_HOST ? read[0] : read[1] };
}

/**
 * Whether a host name means "this computer": localhost and its subdomains, 127.0.0.0/8, ::1 and the
 * unspecified addresses, as the URL parser writes them (it has already turned `127.1`, `0x7f.0.0.1` and
 * `LOCALHOST.` into their plain forms, but keeps a final dot).
 * @example computerHost('127.0.0.1') // => true
 */
export function computerHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '0.0.0.0' ||
    ['[::1]', '[::]', '[::ffff:7f00:1]', '[::ffff:0:0]'].includes(host) ||
    /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(host)
  );
}

/**
 * Whether a link may be published: https:, http:, mailto:, or an address on this site (`/bulletins/`,
 * `../about/`, `#clause-5-2`); never one on the computer it was written on (`http://localhost:4321/…`),
 * which leads nowhere for anyone else, nor one with a user name before its host, which hides where it leads.
 * @example safeLink('javascript:alert(1)') // => false
 */
export function safeLink(url: string): boolean {
  const read = readAddress(url);
  if (!read) return false;
  if (read.own) return true;
  const scheme = read.url.protocol.slice(0, -1);
  // `https://www.nhs.uk@evil.example/` reads as the NHS and leads elsewhere: no link carries a name or password.
  const credentials = read.url.username !== '' || read.url.password !== '';
  return (LINK_PROTOCOLS as readonly string[]).includes(scheme) && !computerHost(read.url.hostname) && !credentials;
}

/**
 * Whether an image may be published: a file in the content folder (`./map.png`) or on this site
 * (`/assets/images/…`), never another site's, which would tell it who reads the page, nor a data: URL.
 * @example safeImage('https://tracker.example/pixel.gif') // => false
 */
export function safeImage(url: string): boolean {
  return url.trim() !== '' && readAddress(url)?.own === true;
}

/**
 * Why a link or image address written in content points at a computer rather than a page readers can
 * open, or undefined when it does not: an address on `localhost` or `127.0.0.1` (copied from a preview),
 * or the site's own public address written in full, which breaks in every preview and on a new domain.
 * @example computerAddressProblem('http://localhost:4321/bulletins/', 'https://ld.nhs.test') // => 'is an address on the computer …'
 */
export function computerAddressProblem(address: string, siteUrl?: string): string | undefined {
  const read = readAddress(address);
  if (!read || read.own) return undefined;
  if (/^https?:$/.test(read.url.protocol) && computerHost(read.url.hostname))
    return `points at the computer it was copied on (${read.url.host}): nobody else can open it`;
  const site = siteUrl ? URL.parse(siteUrl) : undefined;
  if (site && /^https?:$/.test(site.protocol) && read.url.host === site.host && /^https?:$/.test(read.url.protocol))
    return `is this site’s own address written in full (${site.host}), which leads to the live site from every preview and breaks if the site moves`;
  return undefined;
}

/**
 * The path on this site that an own address leads to, for the check's advice: `https://site/a/?b#c` => `/a/?b#c`.
 * @example sitePath('http://localhost:4321/bulletins/#x') // => '/bulletins/#x'
 */
export function sitePath(address: string): string {
  const url = URL.parse(address);
  return url ? `${url.pathname}${url.search}${url.hash}` : address;
}

/**
 * The address to write into a page for one that passed `safeLink` or `safeImage`, so that what is
 * published is what was checked, for every reader of it and not only for browsers: one with a scheme as
 * the parser writes it (`HTTPS://Example.org` => `https://example.org/`, an IDN host in its ASCII form);
 * one of this site's without the tabs, newlines and edge spaces the parser ignores and with `\` as the
 * `/` it reads, which resolves to the same address from any page.
 * @example publishedAddress('.\\images\\ma\tp.png') // => './images/map.png'
 * @example publishedAddress('HTTPS://Example.org') // => 'https://example.org/'
 */
export function publishedAddress(address: string): string {
  const read = readAddress(address);
  if (!read) return address;
  if (!read.own) return read.url.href;
  // eslint-disable-next-line no-control-regex -- the characters the URL parser trims from each end.
  const trimmed = address.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  const end = trimmed.search(/[?#]/);
  const [path, rest] = end === -1 ? [trimmed, ''] : [trimmed.slice(0, end), trimmed.slice(end)];
  return path.replaceAll('\\', '/') + rest;
}

/** What an editor should write instead of an address that is not allowed, for error messages. */
export const LINK_ADVICE =
  'an address starting https:// (or http://, or mailto: for an email address), or a path on this site such as /bulletins/';
export const IMAGE_ADVICE =
  'an image file saved in the content folder (![What it shows](./name.png)) or under public/ (/assets/…)';
