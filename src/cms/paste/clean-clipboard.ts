/**
 * What Word, Google Docs, LibreOffice and web pages put on the clipboard, cleaned down to the elements
 * a bulletin is written with: headings, paragraphs, bold, italic, links, lists and tables. Each office
 * suite has its own habits, learnt from captured clipboard HTML (the paste-from-office tests of
 * CKEditor 5) and pinned by our own fixtures in e2e/fixtures/clipboard/:
 * - Word writes lists as paragraphs (`mso-list:l0 level2 lfo1`) with the bullet or number as text in a
 *   `mso-list:Ignore` span, `<o:p>` elements, conditional comments and `mso-` styles everywhere.
 * - Google Docs wraps everything in `<b style="font-weight:normal">`, says bold and italic with styles on
 *   spans, and puts a nested list straight inside its parent list rather than inside an item.
 * - LibreOffice writes a whole document (`<style>`, `<p style="margin-bottom: 0cm">`), tables with `<col>`.
 */
import type { Element, ElementContent, Nodes, Root, RootContent } from 'hast';

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote', 'div']);
const DROP = new Set(['head', 'style', 'script', 'meta', 'link', 'title', 'img', 'picture', 'svg', 'o:p', 'xml']);
const KEEP_ATTRIBUTES: Record<string, string[]> = { a: ['href'], td: ['colSpan'], th: ['colSpan'] };

/** What the clean-up left out that the editor should know about. */
export interface CleanNotes {
  /** Pictures are added with the Image button, with alt text: a pasted one has neither file nor words. */
  imagesLeftOut: number;
}

const styleOf = (el: Element) => String(el.properties?.style ?? '');
const hasStyle = (el: Element, pattern: RegExp) => pattern.test(styleOf(el));
const textOf = (node: Nodes): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '';
const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** Word's list paragraph: its list, level and whether it is numbered (from the marker Word wrote). */
interface WordItem {
  list: string;
  level: number;
  ordered: boolean;
}
const wordItems = new WeakMap<Element, WordItem>();

function wordListItem(el: Element): WordItem | undefined {
  if (el.tagName !== 'p') return undefined;
  const match = /mso-list:\s*(l\d+)\s+level(\d+)\s+(lfo\d+)/.exec(styleOf(el));
  if (!match) return undefined;
  const marker = findMarker(el);
  const markerText = marker ? textOf(marker).replace(/\s|\u00a0/g, '') : '';
  return {
    list: `${match[1]} ${match[3]}`,
    level: Number(match[2]),
    ordered: /^(\d+|[a-z]{1,3})[.)]$/i.test(markerText),
  };
}

function findMarker(el: Element): Element | undefined {
  for (const child of el.children) {
    if (child.type !== 'element') continue;
    if (hasStyle(child, /mso-list:\s*Ignore/i)) return child;
    const inner = findMarker(child);
    if (inner) return inner;
  }
  return undefined;
}

function removeMarker(el: Element): void {
  el.children = el.children.filter((child) => !(child.type === 'element' && hasStyle(child, /mso-list:\s*Ignore/i)));
  for (const child of el.children) if (child.type === 'element') removeMarker(child);
}

/** Runs of Word list paragraphs become nested lists by their level. */
function wordLists(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let stack: { level: number; list: Element }[] = [];
  let current: string | undefined;
  for (const child of children) {
    const item = child.type === 'element' ? wordItems.get(child) : undefined;
    if (!item) {
      // Whitespace between list paragraphs does not end the list.
      if (child.type === 'text' && !child.value.trim() && stack.length) continue;
      stack = [];
      current = undefined;
      out.push(child);
      continue;
    }
    const p = child as Element;
    const li = element('li', [element('p', p.children)]);
    if (current !== item.list) stack = [];
    current = item.list;
    while (stack.length && stack.at(-1)!.level > item.level) stack.pop();
    if (!stack.length || stack.at(-1)!.level < item.level) {
      const list = element(item.ordered ? 'ol' : 'ul', []);
      const parentItem = stack.at(-1)?.list.children.at(-1) as Element | undefined;
      if (parentItem) parentItem.children.push(list);
      else out.push(list);
      stack.push({ level: item.level, list });
    }
    stack.at(-1)!.list.children.push(li);
  }
  return out;
}

/** Bold and italic said with styles (Google Docs, LibreOffice) as elements; Docs' non-bold wrapper undone. */
function styledInline(el: Element): Element | ElementContent[] {
  const style = styleOf(el);
  if ((el.tagName === 'b' || el.tagName === 'strong') && /(^|[;\s])font-weight:\s*(normal|[1-4]00)\b/.test(style)) {
    return el.children;
  }
  if (el.tagName !== 'span' && el.tagName !== 'font') return el;
  let children: ElementContent[] = el.children;
  if (/(^|[;\s])font-style:\s*italic/.test(style)) children = [element('em', children)];
  if (/(^|[;\s])font-weight:\s*(bold|[6-9]00)\b/.test(style)) children = [element('strong', children)];
  return children;
}

/** Cleans one level of children, deepest first. */
function cleanChildren(children: RootContent[], notes: CleanNotes, inList = false): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    if (child.type === 'comment' || child.type === 'doctype') continue;
    if (child.type === 'text') {
      out.push({ type: 'text', value: child.value.replace(/\u00a0/g, ' ') });
      continue;
    }
    if (child.type !== 'element') continue;
    const tag = child.tagName.toLowerCase();
    const hidden = child.properties?.hidden || child.properties?.ariaHidden === 'true';
    if (DROP.has(tag) || hidden || hasStyle(child, /display:\s*none|mso-list:\s*Ignore/i)) {
      notes.imagesLeftOut += countImages(child);
      continue;
    }
    const wordItem = wordListItem(child);
    if (wordItem) {
      // Read before the marker (the bullet or number Word writes as text) is removed.
      wordItems.set(child, wordItem);
      removeMarker(child);
    }
    child.children = cleanChildren(child.children, notes, tag === 'ul' || tag === 'ol') as ElementContent[];
    if (tag === 'table') headerRow(child);
    // A link with no words (a heading's anchor, a hidden control) is nothing a reader can follow.
    if (tag === 'a' && !textOf(child).trim()) continue;
    // Namespaced Office elements (v:shape, w:sdt…) and anchors without an address give only their content.
    if (tag.includes(':') || (tag === 'a' && !child.properties?.href) || tag === 'font') {
      out.push(...child.children);
      continue;
    }
    const kept = KEEP_ATTRIBUTES[tag] ?? [];
    const styled = styledInline(child);
    if (Array.isArray(styled)) {
      out.push(...styled);
      continue;
    }
    styled.properties = Object.fromEntries(
      Object.entries(styled.properties ?? {}).filter(([name]) => kept.includes(name) || name === 'style'),
    );
    // A list straight inside a list (Google Docs) belongs to the item before it.
    if (inList && (tag === 'ul' || tag === 'ol')) {
      const previous = out.findLast((n): n is Element => n.type === 'element' && n.tagName === 'li');
      if (previous) {
        previous.children.push(styled);
        continue;
      }
    }
    out.push(styled);
  }
  return wordLists(out);
}

/** A table's first row is its headings (GFM tables need one), unless it says otherwise; headings are bold anyway. */
function headerRow(table: Element): void {
  const rows: Element[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName !== 'table') visit(child);
    }
  };
  visit(table);
  const first = rows[0];
  if (!first || rows.some((row) => row.children.some((c) => c.type === 'element' && c.tagName === 'th'))) return;
  for (const cell of first.children) {
    if (cell.type === 'element' && cell.tagName === 'td') {
      cell.tagName = 'th';
      unbold(cell);
    }
  }
}

function unbold(node: Element): void {
  node.children = node.children.flatMap((c) =>
    c.type === 'element' && (c.tagName === 'b' || c.tagName === 'strong') ? c.children : [c],
  );
  for (const c of node.children) if (c.type === 'element') unbold(c);
}

const countImages = (node: Nodes): number =>
  node.type === 'element' && node.tagName === 'img'
    ? 1
    : 'children' in node
      ? node.children.reduce((n, c) => n + countImages(c), 0)
      : 0;

/** Drops styles, empty paragraphs and line breaks that only start or end a block; splits paragraphs at breaks. */
function tidy(children: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const child of children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    delete child.properties.style;
    child.children = tidy(child.children) as ElementContent[];
    if (BLOCK.has(child.tagName) && child.tagName !== 'td' && child.tagName !== 'th' && child.tagName !== 'li') {
      if (
        !textOf(child).trim() &&
        !child.children.some((c) => c.type === 'element' && !BLOCK.has(c.tagName) && c.tagName !== 'br')
      ) {
        if (
          !child.children.some(
            (c) => c.type === 'element' && (c.tagName === 'table' || c.tagName === 'ul' || c.tagName === 'ol'),
          )
        )
          continue;
      }
    }
    if (child.tagName === 'p' && child.children.some((c) => c.type === 'element' && c.tagName === 'br')) {
      out.push(...splitAtBreaks(child));
      continue;
    }
    out.push(child);
  }
  // A break between blocks (Google Docs puts one for an empty line) is nothing.
  return out.filter(
    (c) =>
      !(c.type === 'element' && c.tagName === 'br' && out.some((o) => o.type === 'element' && BLOCK.has(o.tagName))),
  );
}

function splitAtBreaks(p: Element): Element[] {
  const parts: ElementContent[][] = [[]];
  for (const child of p.children) {
    if (child.type === 'element' && child.tagName === 'br') parts.push([]);
    else parts.at(-1)!.push(child);
  }
  return parts.filter((part) => textOf(element('p', part)).trim()).map((part) => element('p', part));
}

/** Headings start at level 2 on our pages (the title is the page's h1): a pasted h1 moves everything down one. */
function headingLevels(root: Root): void {
  const headings: Element[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName)) headings.push(node);
    if ('children' in node) node.children.forEach(visit);
  };
  visit(root);
  if (!headings.some((h) => h.tagName === 'h1')) return;
  for (const h of headings) h.tagName = `h${Math.min(6, Number(h.tagName[1]) + 1)}`;
}

/** The clipboard's HTML document, cleaned (see the top of this file). */
export function cleanClipboard(tree: Root): { tree: Root; notes: CleanNotes } {
  const notes: CleanNotes = { imagesLeftOut: 0 };
  tree.children = tidy(cleanChildren(tree.children, notes));
  headingLevels(tree);
  return { tree, notes };
}
