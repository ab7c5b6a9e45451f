import type { HastPluginEntry } from 'satteri';
import { anchorForHeading, parseAliases } from '../lib/clauses.ts';

/** An empty element carrying an old anchor: fragment links to it land on the clause without JavaScript. */
const aliasSpan = (id: string) => ({ type: 'element' as const, tagName: 'span', properties: { id }, children: [] });

/**
 * Gives every numbered heading in the specification a citable anchor
 * (`## 3.2 Screening` => `id="clause-3-2"`). It runs before Astro's own heading
 * ids, which keep an id that is already set, so the page's contents list and
 * `headings` metadata use the same anchor.
 *
 * An id the editor wrote (`{#clause-screening}`) wins and stays put when the heading's
 * words or number change; the number anchor (`clause-3-2`) then becomes an alias: an
 * empty `<span id>` at the start of the heading. Anchors an editor retired go in
 * `data-aliases` (`{#clause-first-check data-aliases="clause-screening"}`) and become
 * aliases the same way. Empty spans add no text, so the contents list is unchanged.
 * Ids are checked when the site is built (`checkSpecification`), where the error can name the file.
 */
export const clauseIdsPlugin = {
  name: 'clause-ids',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      if (!ctx.fileURL?.pathname.includes('/specification/')) return;
      const numberAnchor = anchorForHeading(ctx.textContent(node));
      if (!numberAnchor) return;
      const properties = node.properties ?? {};
      const explicit = typeof properties.id === 'string' ? properties.id : undefined;
      const id = explicit ?? numberAnchor;
      if (!explicit) ctx.setProperty(node, 'id', id);
      const written = properties['data-aliases'] ?? properties.dataAliases;
      const aliases = [numberAnchor, ...parseAliases(written)].filter(
        (alias, i, all) => alias !== id && all.indexOf(alias) === i,
      );
      if (written !== undefined) {
        ctx.setProperty(node, 'data-aliases', undefined);
        ctx.setProperty(node, 'dataAliases', undefined);
      }
      if (aliases.length) ctx.prependChild(node, aliases.map(aliasSpan));
    },
  },
} satisfies HastPluginEntry;
