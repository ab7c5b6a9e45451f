/**
 * Names, states and roles Decap's own controls lack, found by axe on the editing screens (e2e/cms.test.ts
 * and e2e/cms-paste.test.ts assert none is left): the Rich Text / Markdown switch has no name and says
 * `aria-checked` only when on; the preview frame has no title; the rich-text box has no name (its label's
 * `for` points at no element); and the text field's Headings and Add Component menus are a `role=button`
 * span around a real button, two controls in one; an open menu holds its items in a list that hides them from
 * the menu. Set on each control as Decap draws it.
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
  for (const box of root.querySelectorAll<HTMLElement>('[data-slate-editor]:not([aria-labelledby])')) {
    nameByLabel(box);
  }
  for (const menuButton of root.querySelectorAll<HTMLElement>('span[role=button][aria-haspopup]')) {
    oneControl(menuButton);
  }
  for (const list of root.querySelectorAll<HTMLElement>('[role=menu] > ul:not([role])')) {
    // Decap's open menus put their items in a <ul> between the menu and its items, hiding them from it.
    list.setAttribute('role', 'none');
  }
  for (const span of root.querySelectorAll<HTMLElement>('[data-menu-wrapper][aria-expanded]')) {
    // The menu's open state, which Decap sets on the span each time it changes, moved to the button.
    span.querySelector(':scope > button')?.setAttribute('aria-expanded', span.getAttribute('aria-expanded')!);
    span.removeAttribute('aria-expanded');
  }
}

/**
 * Names the rich-text box by its field's label, as a form control is named: Decap draws the label (`Text`)
 * in the field's top bar, but its `for` names an element that does not exist. The nearest label around the
 * box, not one inside it (the Table block's own labels are), is the field's.
 */
function nameByLabel(box: HTMLElement): void {
  for (let around = box.parentElement; around; around = around.parentElement) {
    const label = [...around.querySelectorAll('label')].find((l) => !box.contains(l));
    if (!label) continue;
    label.id ||= `${label.htmlFor || 'field'}-label`;
    box.setAttribute('aria-labelledby', label.id);
    return;
  }
}

/**
 * Decap's menu button (react-aria-menubutton) is a `span role=button` that takes focus; in the text
 * field's toolbar Decap puts its own `<button>` (Headings, Add Component) inside it, so there are two
 * controls, one in the other, and two Tab stops. The inner button becomes the one control: the span loses
 * its role and Tab stop and hands its menu state to the button. Keys and clicks still reach the span's own
 * handlers (they bubble), so the menu opens and closes as before; when the menu closes, Decap focuses the
 * span, which passes the focus on to the button.
 */
function oneControl(span: HTMLElement): void {
  const inner = span.querySelector<HTMLButtonElement>(':scope > button');
  if (!inner) return;
  span.removeAttribute('role');
  span.removeAttribute('aria-haspopup');
  span.tabIndex = -1;
  span.dataset.menuWrapper = '';
  span.addEventListener('focus', () => inner.focus());
  inner.setAttribute('aria-haspopup', 'true');
}

export function fixDecapNames(doc: Document): void {
  fix(doc);
  new MutationObserver(() => fix(doc)).observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-checked', 'aria-expanded'],
  });
}
