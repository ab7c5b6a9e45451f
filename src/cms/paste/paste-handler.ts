/**
 * Paste into the CMS's text field: the clipboard's HTML is cleaned and converted here
 * (clipboard-markdown.ts) before Decap sees it, because Decap's own paste keeps Word's list markers as
 * text, loses bold said with styles and turns a table into loose paragraphs. The cleaned text goes into
 * the editor the way the browser hands a paste to it (a `beforeinput` of type `insertFromPaste`):
 * plain HTML for everything Decap's editor holds, and a table as our table block (table-component.ts).
 * In the Markdown view, the Markdown itself is pasted.
 */
import type { Nodes as HastNodes } from 'hast';
import type { Root as MdRoot, RootContent as MdContent } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { clipboardTree, markdownOf } from './clipboard-markdown.ts';
import { tableToRows } from './table-component.ts';

type Part = { html: string } | { table: string };

/** The pasted blocks in order: runs of ordinary blocks as HTML, each table on its own. */
function parts(tree: MdRoot): Part[] {
  const out: Part[] = [];
  let run: MdContent[] = [];
  const flush = () => {
    // Decap's editor reads a list item only as a paragraph in an item (what a loose list's HTML is).
    if (run.length) out.push({ html: toHtml(noNewlines(toHast(loose({ type: 'root', children: run })))) });
    run = [];
  };
  for (const node of tree.children) {
    if (node.type === 'table') {
      // An empty paragraph takes the cursor out of a list or quote the run ended in, so the table follows it.
      if (run.length) run.push({ type: 'paragraph', children: [] });
      flush();
      out.push({ table: tableToRows(markdownOf(node)) });
    } else run.push(node);
  }
  flush();
  return out;
}

/** The line breaks mdast-util-to-hast puts between blocks: Decap's editor would read them as text in a list. */
function noNewlines<T extends HastNodes>(node: T): T {
  if ('children' in node) {
    node.children = node.children.filter((c) => !(c.type === 'text' && c.value === '\n')) as typeof node.children;
    node.children.forEach(noNewlines);
  }
  return node;
}

function loose<T extends MdRoot | MdContent>(node: T): T {
  if (node.type === 'list' || node.type === 'listItem') node.spread = true;
  if ('children' in node) for (const child of node.children) loose(child);
  return node;
}

/** Hands data to the editor as the browser hands it a paste. */
function insert(editable: HTMLElement, data: Record<string, string>): void {
  const transfer = new DataTransfer();
  for (const [type, value] of Object.entries(data)) transfer.setData(type, value);
  editable.dispatchEvent(
    new InputEvent('beforeinput', {
      inputType: 'insertFromPaste',
      dataTransfer: transfer,
      bubbles: true,
      cancelable: true,
    }),
  );
}

/** Our table block as the editor's own clipboard format (Slate's `application/x-slate-fragment`). */
function tableFragment(rows: string): Record<string, string> {
  const nodes = [
    {
      type: 'shortcode',
      data: { shortcode: 'table', shortcodeNew: false, shortcodeData: { rows } },
      children: [{ text: '' }],
    },
    // Somewhere for the cursor after the block, so that what follows the table is pasted after it.
    { type: 'paragraph', children: [{ text: '' }] },
  ];
  return { 'application/x-slate-fragment': btoa(encodeURIComponent(JSON.stringify(nodes))) };
}

/** Whether the text field around this editor shows Markdown (its Rich Text / Markdown switch is on). */
function inMarkdownView(editable: HTMLElement): boolean {
  if (editable.closest('.cms-editor-raw')) return true;
  for (let el: HTMLElement | null = editable; el; el = el.parentElement) {
    const toggle = el.querySelector('[role=switch]');
    if (toggle) return toggle.getAttribute('aria-checked') === 'true';
  }
  return false;
}

/** Says, beside the text field, what a paste left out (pictures: they need a file and alt text). */
function tell(editable: HTMLElement, message: string): void {
  const field = editable.parentElement ?? editable;
  let note = field.parentElement?.querySelector<HTMLElement>('[data-paste-note]');
  if (!note) {
    note = document.createElement('p');
    note.dataset.pasteNote = '';
    note.setAttribute('role', 'status');
    note.style.cssText = 'margin:8px 0;font-size:14px;';
    field.after(note);
  }
  note.textContent = message;
}

/** Takes over pastes of HTML into the CMS's text fields. */
export function handlePastes(doc: Document): void {
  doc.addEventListener(
    'paste',
    (event) => {
      const editable = (event.target as Element | null)?.closest?.<HTMLElement>('[data-slate-editor]');
      const html = event.clipboardData?.getData('text/html');
      if (!editable || !html) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const { tree, notes } = clipboardTree(html);
      if (inMarkdownView(editable)) insert(editable, { 'text/plain': markdownOf(tree) });
      else
        for (const part of parts(tree))
          insert(editable, 'html' in part ? { 'text/html': part.html } : tableFragment(part.table));
      tell(
        editable,
        notes.imagesLeftOut === 0
          ? ''
          : `${notes.imagesLeftOut === 1 ? 'A picture was' : `${notes.imagesLeftOut} pictures were`} left out of what you pasted: add each with the + button, then Image, and describe it in its alt text.`,
      );
    },
    true,
  );
}
