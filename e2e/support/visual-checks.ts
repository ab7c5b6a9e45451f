import type { Page } from 'playwright-core';

/**
 * WCAG 1.4.12's text spacing, as the text-spacing bookmarklet sets it: line height 1.5 times the font
 * size, paragraphs 2 times apart, letters 0.12 and words 0.16 times the font size.
 */
export const TEXT_SPACING_CSS = `
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
`;

/**
 * What a reader would find cut off or drawn over other words: the page scrolling sideways, an element with
 * hidden overflow whose content does not fit, and words or icons drawn over other words. Each problem
 * names the element ("a.nhsuk-pagination__link: 'Next' overlaps svg.nhsuk-icon").
 */
export function clippedOrOverlapping(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
    // Visually hidden text (for screen readers) is 1px wide on purpose, and clipped on purpose; the inside
    // of a closed <details> is not drawn at all.
    const seen = new Map<Element, boolean>();
    const hidden = (element: Element | null): boolean => {
      if (!element) return false;
      let answer = seen.get(element);
      if (answer === undefined) {
        const box = element.getBoundingClientRect();
        answer =
          box.width <= 1 ||
          box.height <= 1 ||
          !element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) ||
          hidden(element.parentElement);
        seen.set(element, answer);
      }
      return answer;
    };

    if (document.documentElement.scrollWidth > innerWidth + 1) {
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px in ${innerWidth}px)`);
    }

    for (const element of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(element);
      const clips = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
      if (hidden(element) || !(clips(style.overflowX) || clips(style.overflowY))) continue;
      const wide = clips(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const tall = clips(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      if ((wide || tall) && element.textContent?.trim()) problems.push(`${name(element)} cuts its content off`);
    }

    // Every line of text and every icon, as boxes; two boxes of different elements must not overlap.
    const boxes: { element: Element; label: string; rect: DOMRect }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || hidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) boxes.push({ element: parent, label: `'${text.slice(0, 30)}'`, rect });
    }
    for (const icon of document.body.querySelectorAll('svg')) {
      if (!hidden(icon)) boxes.push({ element: icon, label: name(icon), rect: icon.getBoundingClientRect() });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        if (a.element === b.element || a.element.contains(b.element) || b.element.contains(a.element)) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // Lines whose boxes touch by a pixel or two (tall line heights) are not drawn over each other.
        if (width > 2 && height > 2)
          problems.push(`${name(a.element)}: ${a.label} overlaps ${name(b.element)}: ${b.label}`);
      }
    }
    return problems;
  });
}

/** The styles that can show where the focus is. */
const FOCUS_PROPERTIES = [
  'outline-style',
  'outline-color',
  'outline-width',
  'box-shadow',
  'background-color',
  'color',
  'text-decoration-line',
  'text-decoration-thickness',
  'border-top-color',
  'border-bottom-color',
];

/**
 * Tabs through the page from the top, as a keyboard user does, and lists each element whose look does not
 * change when it has the focus (none when every element shows its focus).
 */
export async function focusChanges(page: Page): Promise<string[]> {
  await page.evaluate((properties) => {
    const styles = new Map<Element, string>();
    for (const element of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
      const style = getComputedStyle(element);
      styles.set(element, properties.map((property) => style.getPropertyValue(property)).join('|'));
    }
    (window as unknown as { unfocused: Map<Element, string> }).unfocused = styles;
  }, FOCUS_PROPERTIES);
  const unmarked: string[] = [];
  const seen = new Set<string>();
  for (let step = 0; step < 200; step++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((properties) => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const unfocused = (window as unknown as { unfocused: Map<Element, string> }).unfocused;
      const style = getComputedStyle(element);
      const now = properties.map((property) => style.getPropertyValue(property)).join('|');
      const index = [...unfocused.keys()].indexOf(element);
      const label = `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 40)}"`;
      return { key: `${index}`, label, shows: now !== unfocused.get(element) };
    }, FOCUS_PROPERTIES);
    if (!focused || seen.has(focused.key)) break;
    seen.add(focused.key);
    if (!focused.shows) unmarked.push(focused.label);
  }
  return unmarked;
}
