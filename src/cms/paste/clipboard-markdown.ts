/**
 * Clipboard HTML to the Markdown our pages are written in (GFM tables included), by way of the syntax
 * trees remark itself uses: hast (HTML) to mdast (Markdown) after the office suites' own markup is
 * cleaned off (clean-clipboard.ts).
 */
import type { Nodes as MdNodes, Root as MdRoot, RootContent as MdContent } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { cleanClipboard, type CleanNotes } from './clean-clipboard.ts';

/** Items of a pasted list are kept together: no blank line between them. */
function tight(node: MdNodes): void {
  if (node.type === 'list' || node.type === 'listItem') node.spread = false;
  if ('children' in node) node.children.forEach(tight);
}

/** Clipboard HTML as a Markdown syntax tree, and what was left out. */
export function clipboardTree(html: string): { tree: MdRoot; notes: CleanNotes } {
  const { tree, notes } = cleanClipboard(fromHtml(html));
  const md = toMdast(tree) as MdRoot;
  tight(md);
  return { tree: md, notes };
}

/** Markdown as the project writes it: `-` bullets, `**bold**`, `_italic_`, tables with `|`. */
export function markdownOf(tree: MdRoot | MdContent): string {
  const root: MdRoot = tree.type === 'root' ? tree : { type: 'root', children: [tree] };
  return toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '_', strong: '*', rule: '-' }).trim();
}

/** Clipboard HTML as Markdown. */
export function clipboardToMarkdown(html: string): { markdown: string; notes: CleanNotes } {
  const { tree, notes } = clipboardTree(html);
  return { markdown: markdownOf(tree), notes };
}
