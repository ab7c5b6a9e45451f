import type { Element, ElementContent, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { parseClauseHeading } from './clauses.ts';

/** One paragraph or list item of a clause, as plain text: the unit a redline compares. */
export interface ClauseBlock {
  kind: 'p' | 'li';
  /** For list items, the kind of list they sit in. */
  list?: 'ul' | 'ol';
  text: string;
}

/** One numbered clause of a section: its own id, its number and title, its aliases and its words. */
export interface Clause {
  /** The clause's own anchor, which never changes: `clause-screening`, or `clause-5-2` if none was written. */
  id: string;
  number: string;
  title: string;
  /** Other anchors already on the heading (its number anchor, retired ids). */
  aliases: string[];
  blocks: ClauseBlock[];
}

/** A clause with the markup that shows it, for pages that add things around its heading. */
export interface ClauseMarkup {
  clause: Clause;
  heading: Element;
  body: RootContent[];
}

/** A section's markup cut at its clause headings. */
export interface SectionMarkup {
  /** Anything before the first clause. */
  preamble: RootContent[];
  clauses: ClauseMarkup[];
}

const isElement = (node: RootContent | ElementContent | Root): node is Element => node.type === 'element';

/**
 * The text of a node, with runs of white space made single spaces.
 * @example textOf(h('p', 'a  b')) // => 'a b'
 */
export function textOf(node: Root | RootContent | ElementContent): string {
  const raw = (n: Root | RootContent | ElementContent): string =>
    n.type === 'text' ? n.value : 'children' in n ? n.children.map((c) => raw(c as ElementContent)).join('') : '';
  return raw(node).replace(/\s+/g, ' ').trim();
}

/** The paragraphs and list items of a clause's body, in order. */
function blocksOf(body: RootContent[]): ClauseBlock[] {
  const blocks: ClauseBlock[] = [];
  for (const node of body) {
    if (!isElement(node)) continue;
    if (node.tagName === 'ul' || node.tagName === 'ol') {
      const list = node.tagName;
      for (const item of node.children)
        if (isElement(item) && item.tagName === 'li') blocks.push({ kind: 'li', list, text: textOf(item) });
    } else {
      const text = textOf(node);
      if (text) blocks.push({ kind: 'p', text });
    }
  }
  return blocks;
}

/** The ids of the empty elements at the start of a heading: the aliases the clause-ids plugin put there. */
function aliasesOf(heading: Element): string[] {
  return heading.children.flatMap((child) =>
    isElement(child) && child.children.length === 0 && typeof child.properties.id === 'string'
      ? [child.properties.id]
      : [],
  );
}

/**
 * Cuts a section's hast at each numbered `h2`: every clause runs to the next numbered `h2`.
 * @example splitClauses(htmlToHast('<h2 id="clause-1-1">1.1 Scope</h2><p>…</p>', { fragment: true })).clauses[0].clause.id // => 'clause-1-1'
 */
export function splitClauses(root: Root): SectionMarkup {
  const markup: SectionMarkup = { preamble: [], clauses: [] };
  let current: ClauseMarkup | undefined;
  for (const node of root.children) {
    // An unnumbered h2 is not a clause: it stays where it is, inside the clause before it.
    const parsed = isElement(node) && node.tagName === 'h2' ? parseClauseHeading(textOf(node)) : undefined;
    if (parsed && isElement(node) && typeof node.properties.id === 'string') {
      current = {
        clause: { id: node.properties.id, ...parsed, aliases: aliasesOf(node), blocks: [] },
        heading: node,
        body: [],
      };
      markup.clauses.push(current);
      continue;
    }
    (current ? current.body : markup.preamble).push(node);
  }
  for (const part of markup.clauses) part.clause.blocks = blocksOf(part.body);
  return markup;
}

/**
 * Parses a section's rendered HTML into its markup, cut at each clause.
 * @example sectionMarkup('<h2 id="clause-screening">5.2 First check</h2><p>Hi</p>').clauses[0].clause.number // => '5.2'
 */
export function sectionMarkup(html: string): SectionMarkup {
  return splitClauses(htmlToHast(html, { fragment: true }) as Root);
}

/**
 * The clauses of a section's rendered HTML.
 * @example clausesFromHtml('<h2 id="clause-screening">5.2 First check</h2><p>Hi</p>')
 * // => [{ id: 'clause-screening', number: '5.2', title: 'First check', aliases: [], blocks: [{ kind: 'p', text: 'Hi' }] }]
 */
export function clausesFromHtml(html: string): Clause[] {
  return sectionMarkup(html).clauses.map((part) => part.clause);
}
