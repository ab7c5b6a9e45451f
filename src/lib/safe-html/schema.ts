import type { Schema } from 'hast-util-sanitize';
import { LINK_PROTOCOLS } from './urls.ts';

const aria = ['ariaDescribedBy', 'ariaLabel', 'ariaLabelledBy'];
const footnote = ['dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']] as const;

/**
 * The HTML that content may publish: what Markdown itself makes (headings, lists, tables, links, images,
 * code, footnotes, task lists) and a few plain elements editors write by hand (`<abbr>`, `<sub>`, `<details>`).
 * It follows hast-util-sanitize's GitHub schema, narrowed: no forms, no `name`, no `srcset`, no classes
 * but Markdown's own, no styles (the Content-Security-Policy forbids them), and ids kept as written,
 * because clause and heading anchors are ids that people cite (`#clause-5-2`). Script, style, frames,
 * objects, SVG and MathML are removed with their content; any other element not listed is removed and its
 * text kept. Comments are editors' notes and are never published.
 */
export const contentSchema: Schema = {
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
    'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins',
    'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub',
    'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var',
  ],
  attributes: {
    '*': ['id', 'title', 'lang', 'dir'],
    a: [...aria, ...footnote, 'href', 'hrefLang'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    code: [['className', /^language-./]],
    h2: [['className', 'sr-only']],
    img: ['src', 'alt', 'width', 'height'],
    input: [['disabled', true], ['type', 'checkbox'], 'checked'],
    li: [['className', 'task-list-item']],
    ol: [...aria, 'start', 'reversed', ['className', 'contains-task-list']],
    ul: [...aria, ['className', 'contains-task-list']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    table: [...aria],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    details: ['open'],
  },
  required: { input: { disabled: true, type: 'checkbox' } },
  // Ids are kept as written (Sätteri already prefixes footnote ids with `user-content-`).
  clobber: [],
  protocols: {
    href: [...LINK_PROTOCOLS],
    cite: ['https', 'http'],
  },
  ancestors: {
    // Only task lists have check boxes; a form's fields are removed.
    input: ['li'],
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table'],
    caption: ['table'],
  },
  strip: [
    'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noscript',
    'noembed', 'noframes', 'xmp', 'plaintext', 'textarea', 'select', 'title', 'svg', 'math', 'head',
  ],
  allowComments: false,
  allowDoctypes: false,
};

/** Elements removed together with everything inside them. */
export const strippedElements = new Set(contentSchema.strip);
/** Elements content may use. */
export const allowedElements = new Set(contentSchema.tagNames);
