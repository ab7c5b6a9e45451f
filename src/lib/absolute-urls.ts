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

// Every element that can carry an address, as one selector, so the document is walked once.
const WITH_ADDRESS = [
  ...Object.entries(URL_ATTRIBUTES).flatMap(([tag, attributes]) => attributes.map((a) => `${tag}[${a}]`)),
  'img[srcset]',
  'source[srcset]',
].join(', ');

/**
 * Makes every link, image and media address in an HTML fragment absolute, so it still works once the
 * fragment is read away from the site: in a feed reader, an email or a printout.
 * @example absoluteUrls('<a href="/bulletins/">Archive</a>', 'https://example.org/x/') // => '<a href="https://example.org/bulletins/">Archive</a>'
 */
export function absoluteUrls(html: string, base: string | URL): string {
  // htmlparser2 rather than parse5: the fragment is the site's own well-formed HTML, and it parses
  // several times faster, which counts once per issue for the email editions.
  const $ = cheerio.load(html, { xml: { xmlMode: false, encodeEntities: 'utf8' } }, false);
  for (const element of $(WITH_ADDRESS).toArray()) {
    if (!('attribs' in element)) continue; // a selector only matches elements, which have attributes
    for (const attribute of URL_ATTRIBUTES[element.name] ?? []) {
      const value = element.attribs[attribute];
      if (value !== undefined) element.attribs[attribute] = resolve(value, base);
    }
    // srcset lists several "address width" pairs; each address is resolved on its own.
    const srcset = element.attribs.srcset;
    if (srcset === undefined) continue;
    element.attribs.srcset = srcset
      .split(',')
      .map((candidate) => {
        const [address, ...descriptor] = candidate.trim().split(/\s+/);
        return [resolve(address, base), ...descriptor].join(' ');
      })
      .join(', ');
  }
  return $.html();
}
