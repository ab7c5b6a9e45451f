import { Parser } from 'htmlparser2';

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

/** A resolved address, written back as a double-quoted attribute value. */
const quoted = (value: string) => `"${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`;

/** srcset lists several "address width" pairs; each address is resolved on its own. */
function resolveSrcset(srcset: string, base: string | URL): string {
  return srcset
    .split(',')
    .map((candidate) => {
      const [address, ...descriptor] = candidate.trim().split(/\s+/);
      return [resolve(address, base), ...descriptor].join(' ');
    })
    .join(', ');
}

/**
 * Makes every link, image and media address in an HTML fragment absolute, so it still works once the
 * fragment is read away from the site: in a feed reader, an email or a printout.
 * @example absoluteUrls('<a href="/bulletins/">Archive</a>', 'https://example.org/x/') // => '<a href="https://example.org/bulletins/">Archive</a>'
 */
export function absoluteUrls(html: string, base: string | URL): string {
  // One pass of htmlparser2's tokenizer, rewriting only the attributes that hold an address and copying
  // the rest of the text as it was, rather than building, querying and writing out a whole document
  // (cheerio), once per issue for the email editions (bench/README.md, "Figures behind the code").
  const edits: { start: number; end: number; text: string }[] = [];
  let tag = '';
  const parser = new Parser(
    {
      onopentagname: (name) => (tag = name),
      onattribute: (name, value, quote) => {
        if (quote === undefined) return; // an attribute without a value holds no address
        const resolved = URL_ATTRIBUTES[tag]?.includes(name)
          ? resolve(value, base)
          : name === 'srcset' && (tag === 'img' || tag === 'source')
            ? resolveSrcset(value, base)
            : value;
        // The parser's indexes span the attribute from its name to its closing quote.
        if (resolved !== value)
          edits.push({ start: parser.startIndex, end: parser.endIndex, text: `${name}=${quoted(resolved)}` });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  let out = '';
  let from = 0;
  for (const { start, end, text } of edits) {
    out += html.slice(from, start) + text;
    from = end;
  }
  return out + html.slice(from);
}
