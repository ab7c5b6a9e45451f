import type { Page } from 'playwright-core';

/**
 * Every way the page could run JavaScript: script elements, inline event handlers and `javascript:` links.
 * A `<script type="application/ld+json">` (a bulletin's schema.org data) is data a browser never runs,
 * so it is not counted.
 * @example await scriptsIn(page) // => [] on a plain HTML page; ['<script type="module" src="/_astro/...">'] otherwise
 */
export function scriptsIn(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const start = (el: Element) => el.outerHTML.slice(0, 120);
    return [
      ...[...document.querySelectorAll('script:not([type="application/ld+json"])')].map(start),
      ...[...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}="…">`),
      ),
      ...[...document.querySelectorAll('[href^="javascript:" i]')].map(start),
    ];
  });
}
