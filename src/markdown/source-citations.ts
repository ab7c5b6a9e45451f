import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { HastPluginEntry } from 'satteri';

/** A link to an entry of the page's list of sources (Sources.astro): `[source 2](#source-2)`. */
const isCitation = (node: RootContent | ElementContent): boolean =>
  node.type === 'element' && node.tagName === 'a' && /^#source-\d+$/.test(String(node.properties?.href ?? ''));
/** What may stand between two citations of one group: `, `, ` and `, `; `. */
const isBetween = (node: RootContent | ElementContent) =>
  node.type === 'text' && /^[\s,;]*(?:and\s*)?$/.test(node.value);

/**
 * Keeps a paragraph's pointers to its sources, `(source 1, source 3)`, out of the search index: they are
 * the same words on every page and read as noise in a result's excerpt ("… (source 3, source 4). Staff …").
 * The group, with its brackets, goes in a `<span data-pagefind-ignore>`; readers see the same text.
 */
export function markCitations<T extends Root | Element>(parent: T): T {
  // A copy: satteri hands the tree over frozen.
  const children = [...parent.children] as (RootContent | ElementContent)[];
  const out: (RootContent | ElementContent)[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (!isCitation(node)) {
      out.push(node.type === 'element' ? markCitations(node) : node);
      continue;
    }
    let end = i;
    while (end + 2 < children.length && isBetween(children[end + 1]) && isCitation(children[end + 2])) end += 2;
    const group: ElementContent[] = children.slice(i, end + 1) as ElementContent[];
    const before = out.at(-1);
    const after = children[end + 1];
    if (
      before?.type === 'text' &&
      after?.type === 'text' &&
      before.value.endsWith('(') &&
      after.value.startsWith(')')
    ) {
      out[out.length - 1] = { ...before, value: before.value.slice(0, -1) };
      group.unshift({ type: 'text', value: '(' });
      group.push({ type: 'text', value: ')' });
      children[end + 1] = { ...after, value: after.value.slice(1) };
    }
    out.push({ type: 'element', tagName: 'span', properties: { dataPagefindIgnore: '' }, children: group });
    i = end;
  }
  return { ...parent, children: out.filter((n) => n.type !== 'text' || n.value !== '') };
}

/** After the sanitiser (astro.config.mjs): the attribute is the site's markup, not the content's. */
export const sourceCitationsPlugin: HastPluginEntry = {
  name: 'source-citations',
  after(root, ctx) {
    ctx.setField(root, 'children', markCitations(root as Root).children);
  },
};
