import { inline } from '@css-inline/css-inline';
import { userError } from './user-error.ts';
import { compile } from 'html-to-text';

/** Gmail clips a message whose HTML is larger than this, hiding the rest behind "View entire message". */
export const EMAIL_SIZE_LIMIT = 102 * 1024;

/**
 * Moves the stylesheets in a page's `<style>` elements into each element's `style` attribute, as email
 * clients need; only `@media` rules stay behind, in one `<style>` element in the head.
 * css-inline (Rust, through N-API) rather than juice: it is several times as fast (bench/README.md).
 * @example inlineEmailCss('<style>p { color: red }</style><p>Hi</p>') // => '<html><head></head><body><p style="color: red;">Hi</p></body></html>'
 */
export function inlineEmailCss(html: string): string {
  return inline(html, {
    keepAtRules: true,
    // Width attributes help clients such as Outlook that ignore CSS sizes.
    applyWidthAttributes: true,
    // The edition is self-contained: nothing is fetched while inlining.
    loadRemoteStylesheets: false,
  });
}

// Compiled once: compiling the selectors took as long as converting an issue.
const toText = compile({
  wordwrap: 72,
  formatters: {
    // A reader of the plain text cannot see the picture, so it is named by what it shows; a picture with
    // empty alt text is decoration, and left out.
    imageAlt: (elem, _walk, builder) => {
      const alt = String(elem.attribs?.alt ?? '').trim();
      if (alt) builder.addInline(`[Image: ${alt}]`);
    },
  },
  selectors: [
    { selector: 'a', options: { linkBrackets: ['<', '>'], hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'imageAlt' },
    { selector: 'title', format: 'skip' },
    { selector: 'style', format: 'skip' },
    // The header is the logo and service name: a picture, which plain text does without.
    { selector: '.app-email__header', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4'].map((selector) => ({ selector, options: { uppercase: false } })),
    // The layout tables (the template's) are blocks; a table of the is laid out as rows and
    // columns, as a reader of plain text would set it out by hand.
    ...['table.app-email__outer', 'table.app-email__container'].map((selector) => ({ selector, format: 'block' })),
    {
      selector: 'table',
      format: 'dataTable',
      options: { uppercaseHeaderCells: false, maxColumnWidth: 30, colSpacing: 3, rowSpacing: 0 },
    },
  ],
});

/**
 * The plain-text part of an email: headings and paragraphs as text, every link written out after its
 * words (once, when the words are the address), images as `[Image: alt text]`.
 * @example emailText('<p>See <a href="https://x.org/a">the archive</a></p>') // => 'See the archive <https://x.org/a>'
 */
export function emailText(html: string): string {
  return toText(html)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
}

/**
 * The size of a text in bytes as sent (UTF-8), to compare with `EMAIL_SIZE_LIMIT`.
 * @example byteSize('£1') // => 3
 */
export function byteSize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The HTML part of an email as readers' email tools need it, from the edition as rendered (the template,
 * its stylesheet in a `<style>` element): styles inlined. Fails, naming the issue, if it is too big for
 * Gmail to show whole.
 * @example emailHtml(rendered, 'bulletins/2015-05') // => '<!DOCTYPE html><html lang="en"><head>…<body style="margin: 0;…'
 */
export function emailHtml(rendered: string, name: string): string {
  const html = inlineEmailCss(rendered);
  const size = byteSize(html);
  if (size > EMAIL_SIZE_LIMIT) {
    throw userError(
      `The email edition of ${name} is ${Math.ceil(size / 1024)} KB, over the ${EMAIL_SIZE_LIMIT / 1024} KB at which Gmail cuts a message short.`,
      'Shorten the issue, or move long material to a page of the site and link to it from the issue.',
    );
  }
  return html;
}
