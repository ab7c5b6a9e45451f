import type { Locator } from 'playwright-core';

/**
 * Pastes `html` into the element as the browser does: a ClipboardEvent whose DataTransfer holds the
 * clipboard's HTML and its text, as Word, Google Docs, LibreOffice and browsers put both there.
 * @example await pasteHtml(page.locator('[data-slate-editor]').last(), '<p>Synthetic</p>');
 */
export async function pasteHtml(target: Locator, html: string): Promise<void> {
  await target.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}
