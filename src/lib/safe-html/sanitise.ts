import type { Element, Nodes, Root, RootContent } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { contentSchema } from './schema.ts';
import { publishedAddress, safeImage, safeLink } from './urls.ts';

/**
 * What hast-util-sanitize cannot know about this site: an image must be one of its own files, and a link
 * must pass the same rule as frontmatter addresses (src/lib/safe-html/urls.ts). Images that fail are
 * removed; links that fail become their words alone. Those kept are written as the URL parser read
 * them, so no reader of the HTML (a mail client, a feed reader) can take them elsewhere.
 */
function ownAddressesOnly<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const children: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element') {
      const props = child.properties;
      if (child.tagName === 'img' && !safeImage(String(props.src ?? ''))) continue;
      if (typeof props.src === 'string') props.src = publishedAddress(props.src);
      if (typeof props.href === 'string') {
        if (safeLink(props.href)) props.href = publishedAddress(props.href);
        else delete props.href;
      }
      // A link that lost its address would still look like a link and lead nowhere: keep only its words.
      if (child.tagName === 'a' && props.href === undefined && props.id === undefined) {
        children.push(...(ownAddressesOnly(child).children as RootContent[]));
        continue;
      }
    }
    children.push(ownAddressesOnly(child));
  }
  (node as Element | Root).children = children as Element['children'];
  return node;
}

/**
 * A content tree with only the allowlisted HTML left (src/lib/safe-html/schema.ts): no script, frames,
 * forms, styles, event handlers, comments, unsafe addresses or other sites' images. Returns a new tree.
 * @example sanitiseTree(fromHtml('<p onclick="x">Hi<script>y</script></p>')) // => <p>Hi</p>
 */
export function sanitiseTree(tree: Root): Root {
  return ownAddressesOnly(sanitize(tree, contentSchema) as Root);
}
