import fs from 'node:fs';
import path from 'node:path';
import type { HastPluginEntry } from 'satteri';
import { anchorForHeading } from '../lib/clauses.ts';
import { clauseSearchWeight } from '../lib/search-index.ts';
import { siteConfig } from '../site.config.ts';

let newest: string | undefined;
/** The newest specification version, named by its folder (`specification/2019/`): its clauses rank first in search. */
function newestVersion(): string | undefined {
  const folder = path.join(siteConfig.contentDir, 'specification');
  newest ??= fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((name) => /^\d{4}$/.test(name))
        .sort()
        .at(-1)
    : undefined;
  return newest;
}

/**
 * Gives every numbered heading in the specification a citable anchor
 * (`## 3.2 Screening` => `id="clause-3-2"`). It runs before Astro's own heading
 * ids, which keep an id that is already set, so the page's contents list and
 * `headings` metadata use the same anchor. An id the editor wrote
 * (`{#clause-screening}`) wins. Clause headings also weigh more in the search
 * index, those of superseded versions less than the current one's.
 */
export const clauseIdsPlugin: HastPluginEntry = {
  name: 'clause-ids',
  element: {
    filter: ['h2', 'h3', 'h4'],
    visit(node, ctx) {
      const file = ctx.fileURL?.pathname ?? '';
      if (!file.includes('/specification/')) return;
      const id = anchorForHeading(ctx.textContent(node));
      if (!id) return;
      const version = /\/specification\/(\d{4})\//.exec(file)?.[1];
      ctx.setProperty(
        node,
        'dataPagefindWeight',
        clauseSearchWeight(version === undefined || version === newestVersion()),
      );
      if (typeof node.properties?.id !== 'string') ctx.setProperty(node, 'id', id);
    },
  },
};
