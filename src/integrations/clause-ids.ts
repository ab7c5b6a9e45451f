import type { HastPluginEntry } from 'satteri';
import { anchorForHeading } from '../lib/clauses.ts';

/**
 * Gives every numbered heading in the specification a citable anchor
 * (`## 3.2 Screening` => `id="clause-3-2"`). It runs before Astro's own heading
 * ids, which keep an id that is already set, so the page's contents list and
 * `headings` metadata use the same anchor. An id the editor wrote
 * (`{#clause-screening}`) wins.
 */
export const clauseIdsPlugin: HastPluginEntry = {
  name: 'clause-ids',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      if (typeof node.properties?.id === 'string') return;
      if (!ctx.fileURL?.pathname.includes('/specification/')) return;
      const id = anchorForHeading(ctx.textContent(node));
      if (id) ctx.setProperty(node, 'id', id);
    },
  },
};
