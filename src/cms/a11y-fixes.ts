/**
 * Names and states Decap's own controls lack, found by axe on the editing screens (e2e/cms-paste.test.ts
 * prints the rest): the Rich Text / Markdown switch has no name and says `aria-checked` only when on,
 * and the preview frame has no title. Set on each control as Decap draws it.
 */
function fix(root: ParentNode): void {
  for (const toggle of root.querySelectorAll<HTMLElement>('[role=switch]:not([aria-checked])')) {
    toggle.setAttribute('aria-checked', 'false');
  }
  for (const toggle of root.querySelectorAll<HTMLElement>('[role=switch]:not([aria-label])')) {
    const label = toggle.nextElementSibling?.textContent?.trim();
    if (label) toggle.setAttribute('aria-label', `Show ${label}`);
  }
  for (const frame of root.querySelectorAll<HTMLIFrameElement>('iframe:not([title])')) {
    frame.title = 'Preview of the page';
  }
}

export function fixDecapNames(doc: Document): void {
  fix(doc);
  new MutationObserver(() => fix(doc)).observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-checked'],
  });
}
