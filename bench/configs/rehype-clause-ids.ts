import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { anchorForHeading } from '../../src/lib/clauses.ts';

const HEADINGS = new Set(['h2', 'h3', 'h4']);
const text = (node: RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '';

/**
 * The unified (rehype) twin of src/markdown/clause-ids.ts, so the Markdown engines are compared
 * doing the same work: `## 3.2 Screening` in a specification file gets `id="clause-3-2"`.
 */
export function rehypeClauseIds() {
  return (tree: Root, file: VFile) => {
    if (!file.path?.includes('/specification/')) return;
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (HEADINGS.has(child.tagName) && typeof child.properties.id !== 'string') {
          const id = anchorForHeading(text(child));
          if (id) child.properties.id = id;
        }
        visit(child);
      }
    };
    visit(tree);
  };
}
