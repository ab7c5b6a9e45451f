import type { Root } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { sanitiseTree } from './sanitise.ts';

/**
 * The last of the site's Markdown steps (astro.config.mjs): replaces each document's HTML tree with its
 * allowlisted copy, so the page, the email edition and the three feeds, which all publish the entry's
 * rendered HTML, carry only what src/lib/safe-html/schema.ts allows. Sätteri parses raw HTML into the
 * tree first (its `rawHtml` feature), so hand-written tags are elements here, not text passed through.
 */
export const sanitisePlugin: HastPluginEntry = {
  name: 'sanitise',
  after(root, ctx) {
    ctx.setField(root, 'children', sanitiseTree(root as Root).children);
  },
};
