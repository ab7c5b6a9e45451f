import type { Page } from 'playwright-core';

/** How far a page scrolls sideways, and the elements that stick out furthest. */
export interface SidewaysScroll {
  scrollWidth: number;
  clientWidth: number;
  /** The widest elements reaching past the viewport's right edge, widest first: `tag#id.class (right edge px)`. */
  offenders: string[];
}

/**
 * Measures whether the page scrolls sideways at its current viewport (WCAG 1.4.10 Reflow).
 * Elements inside a container that scrolls on its own (a wide table's wrapper) do not count.
 * @example const { scrollWidth, clientWidth } = await sidewaysScroll(page); // => scrollWidth <= clientWidth when it reflows
 */
export function sidewaysScroll(page: Page, limit = 5): Promise<SidewaysScroll> {
  return page.evaluate((max) => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      return `${el.tagName.toLowerCase()}${id}${classes}`;
    };
    const clippedByScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    };
    const offenders = [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right + window.scrollX }))
      .filter(({ el, right }) => right > width + 0.5 && !clippedByScroller(el))
      .sort((a, b) => b.right - a.right)
      .slice(0, max)
      .map(({ el, right }) => `${describe(el)} (right edge ${Math.round(right)}px)`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, offenders };
  }, limit);
}
