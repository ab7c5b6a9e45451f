import * as cheerio from 'cheerio';

/**
 * Fits one section's HTML into a page that holds the whole document: headings move one level down
 * (the section's own title takes their place), and ids other than clause anchors get the section's
 * prefix so two sections' "Background" headings cannot clash. Clause anchors (`clause-3-2`) are
 * numbered by section already and stay as they are, so `#clause-3-2` still finds the clause.
 * @example printableSection('<h2 id="x">A</h2><a href="#x">A</a>', 'scope') // => '<h3 id="scope-x">A</h3><a href="#scope-x">A</a>'
 */
export function printableSection(html: string, idPrefix: string): string {
  // htmlparser2 rather than parse5: the section is the site's own well-formed HTML, and the page holds
  // every section, so the faster parser counts.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: false } }, false);
  const renamed = new Map<string, string>();
  $('[id]').each((_, element) => {
    const id = $(element).attr('id') ?? '';
    if (id.startsWith('clause-')) return;
    renamed.set(id, `${idPrefix}-${id}`);
    $(element).attr('id', `${idPrefix}-${id}`);
  });
  $('a[href^="#"]').each((_, element) => {
    const target = renamed.get(($(element).attr('href') ?? '').slice(1));
    if (target) $(element).attr('href', `#${target}`);
  });
  // Deepest first, so an h2 moved to h3 is not then moved again.
  for (const level of [5, 4, 3, 2, 1]) {
    $(`h${level}`).each((_, element) => {
      element.tagName = `h${level + 1}`;
    });
  }
  return $.html();
}
