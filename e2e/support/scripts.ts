import type { Page } from 'playwright-core';

/**
 * Every way the page could run JavaScript: script elements, inline event handlers and `javascript:` links.
 * @example await scriptsIn(page) // => [] on a plain HTML page; ['<script type="module" src="/_astro/...">'] otherwise
 */
export function scriptsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const start = (el: Element) => el.outerHTML.slice(0, 120);
    return [
      ...[...document.querySelectorAll('script')].map(start),
      ...[...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}="…">`),
      ),
      ...[...document.querySelectorAll('[href^="javascript:" i]')].map(start),
    ];
  });
}
