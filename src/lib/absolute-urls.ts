import * as cheerio from 'cheerio';

/** Attributes that hold one address, by the elements that carry them. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
};

/** Resolves one address against the page, leaving anything that is not a valid URL as it was. */
function resolve(value: string, base: string | URL): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * Makes every link, image and media address in an HTML fragment absolute, so it still works once the
 * fragment is read away from the site: in a feed reader, an email or a printout.
 * @example absoluteUrls('<a href="/bulletins/">Archive</a>', 'https://example.org/x/') // => '<a href="https://example.org/bulletins/">Archive</a>'
 */
export function absoluteUrls(html: string, base: string | URL): string {
  const $ = cheerio.load(html, null, false);
  for (const [tag, attributes] of Object.entries(URL_ATTRIBUTES)) {
    for (const attribute of attributes) {
      $(`${tag}[${attribute}]`).each((_, element) => {
        const node = $(element);
        node.attr(attribute, resolve(node.attr(attribute) ?? '', base));
      });
    }
  }
  // srcset lists several "address width" pairs; each address is resolved on its own.
  $('img[srcset], source[srcset]').each((_, element) => {
    const node = $(element);
    const candidates = (node.attr('srcset') ?? '').split(',').map((candidate) => {
      const [address, ...descriptor] = candidate.trim().split(/\s+/);
      return [resolve(address, base), ...descriptor].join(' ');
    });
    node.attr('srcset', candidates.join(', '));
  });
  return $.html();
}
