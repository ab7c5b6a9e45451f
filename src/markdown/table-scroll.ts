import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginEntry } from 'satteri';

const hasClass = (node: Element, name: string) =>
  Array.isArray(node.properties?.className) && node.properties.className.includes(name);

const text = (node: ElementContent | RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '';

/**
 * Wraps each table in the markup of NHS.UK frontend's Scroll component, as src/components/tables/TableScroll.astro
 * does for the data tables: a region that scrolls sideways on its own, reachable with the keyboard
 * (`tabindex="0"`), named by the table's caption or, as a Markdown table has none, by the heading it sits under.
 * A table already inside a scroll region is left as it is.
 */
export function wrapTables(root: Root): Root {
  let heading = '';
  const visit = (children: RootContent[]): RootContent[] =>
    children.map((node) => {
      if (node.type !== 'element') return node;
      if (/^h[1-6]$/.test(node.tagName)) heading = text(node).trim();
      if (node.tagName === 'table') return wrap(node, heading);
      if (node.properties?.role === 'region' || hasClass(node, 'nhsuk-scroll__content')) return node;
      return { ...node, children: visit(node.children) as ElementContent[] };
    });
  return { ...root, children: visit(root.children) };
}

function wrap(table: Element, heading: string): Element {
  const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const name = (caption ? text(caption) : heading).trim().replace(/\s+/g, ' ');
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['nhsuk-scroll'] },
    children: [
      {
        type: 'element',
        // A named <section> is a region (NHS.UK's markup writes <div role="region">).
        tagName: 'section',
        properties: {
          className: ['nhsuk-scroll__content'],
          ariaLabel: name ? `Table: ${name}` : 'Table',
          tabIndex: 0,
        },
        children: [table],
      },
    ],
  };
}

/**
 * The HTML with each table's scroll region (wrapTables, above) taken off: it is for screens
 * where a wide table scrolls on its own, and mail clients support neither the region's name nor its scrolling.
 * @example withoutScrollRegions('<div class="nhsuk-scroll"><section class="nhsuk-scroll__content" aria-label="Table" tabindex="0"><table>…</table></section></div>') // => '<table>…</table>'
 */
export function withoutScrollRegions(html: string): string {
  return html.replace(
    /<div class="nhsuk-scroll"><section class="nhsuk-scroll__content"(?:"[^"]*"|[^>"])*>(<table[\s\S]*?<\/table>)<\/section><\/div>/g,
    '$1',
  );
}

/** After the sanitiser (astro.config.mjs): the wrapper is the site's markup, not the content's. */
export const tableScrollPlugin: HastPluginEntry = {
  name: 'table-scroll',
  after(root, ctx) {
    ctx.setField(root, 'children', wrapTables(root as Root).children);
  },
};
