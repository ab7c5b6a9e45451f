/**
 * The CMS's refusal to publish an entry the check finds errors in, as a notice that stays: Decap's own
 * notice of a failed publish disappears after about 8 seconds, before an editor has read it. This one goes
 * when the editor dismisses it, or when the check next finds no error in that entry. Decap's notice of the
 * same refusal is closed as it appears: it said the same thing again, and stayed on screen, "Failed to
 * publish", for seconds after the editor had fixed the errors.
 */
export function publishRefusal(doc: Document) {
  let shownFor: string | undefined;
  let box: HTMLElement | undefined;
  const clear = (path?: string) => {
    if (!box || (path !== undefined && path !== shownFor)) return;
    box.remove();
    box = undefined;
    shownFor = undefined;
  };
  const show = (path: string, count: number, problems: string[]) => {
    clear();
    shownFor = path;
    box = doc.createElement('div');
    box.setAttribute('role', 'alert');
    box.dataset.publishRefusal = '';
    box.style.cssText =
      'position:fixed;z-index:1000;left:50%;transform:translateX(-50%);bottom:16px;max-width:40rem;' +
      'background:#fff;color:#212b32;border:4px solid #d5281b;padding:16px 20px;font:16px/1.5 Arial,sans-serif;' +
      'box-shadow:0 2px 8px rgba(0,0,0,.3)';
    const heading = doc.createElement('h2');
    heading.style.cssText = 'margin:0 0 8px;font-size:19px';
    heading.textContent = `Not published: the check found ${count === 1 ? 'an error' : `${count} errors`}`;
    const list = doc.createElement('ul');
    list.style.cssText = 'margin:0 0 8px;padding-left:20px';
    for (const problem of problems) {
      const item = doc.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
    const next = doc.createElement('p');
    next.style.margin = '0 0 12px';
    next.textContent = `Fix ${count === 1 ? 'it' : 'them'} (the preview says how), save, then publish again.`;
    const dismiss = doc.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = 'Dismiss';
    dismiss.style.cssText = 'font:inherit;padding:4px 12px;border:2px solid #212b32;background:#fff;cursor:pointer';
    dismiss.addEventListener('click', () => clear());
    box.append(heading, list, next, dismiss);
    doc.body.append(box);
    closeDecapNotice(doc, 'the check found');
  };
  return { show, clear };
}

/** Closes Decap's own notice (a react-toastify toast) holding `words`, when it appears in the next seconds. */
function closeDecapNotice(doc: Document, words: string) {
  const close = () => {
    for (const toast of doc.querySelectorAll<HTMLElement>('.Toastify__toast')) {
      if (toast.textContent?.includes(words)) toast.querySelector<HTMLElement>('.Toastify__close-button')?.click();
    }
  };
  const watch = new MutationObserver(close);
  watch.observe(doc.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 15_000);
  close();
}
