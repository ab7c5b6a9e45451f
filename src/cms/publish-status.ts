/**
 * Where publishing stands, on the admin page: "Publishing", "Live: the site was published at 10:42", or
 * "Publishing failed at 10:45: why", or under `npm run edit` "Not set up to publish from here" and why.
 * Read from /admin/publish-status.json every few seconds (written by `npm run publish`,
 * src/lib/publish-status.ts); shows nothing where there is none (a live site not yet published to).
 */
import { describePublishStatus, parsePublishStatus, PUBLISH_STATUS_PATH } from '../lib/publish-status.ts';

const EVERY_MS = 5000;

/** Adds the status line to the page and keeps it up to date. */
export function showPublishStatus(): void {
  const box = document.createElement('p');
  box.id = 'publish-status';
  box.setAttribute('role', 'status');
  box.hidden = true;
  // Decap fills the page with its own app; a fixed line at the bottom stays out of its way.
  box.style.cssText =
    'position:fixed;bottom:0;left:0;right:0;margin:0;padding:8px 16px;font:16px/1.5 Arial,sans-serif;z-index:1000;border-top:4px solid;';
  document.body.append(box);
  const update = async () => {
    const response = await fetch(PUBLISH_STATUS_PATH, { cache: 'no-store' }).catch(() => undefined);
    const status =
      response?.status === 200 ? parsePublishStatus(await response.json().catch(() => undefined)) : undefined;
    box.hidden = !status;
    if (!status) return;
    const text = describePublishStatus(status, new Date());
    if (box.textContent !== text) box.textContent = text;
    box.dataset.state = status.state;
    // NHS.UK colours: yellow for under way, green for live, red for failed, grey for not set up; each
    // with text it passes AA on.
    const [background, border] =
      status.state === 'live'
        ? ['#ffffff', '#007f3b']
        : status.state === 'failed'
          ? ['#ffffff', '#d5281b']
          : status.state === 'not-set-up'
            ? ['#ffffff', '#768692']
            : ['#fff9c4', '#ffeb3b'];
    box.style.background = background;
    box.style.borderTopColor = border;
    box.style.color = '#212b32';
  };
  void update();
  setInterval(() => void update(), EVERY_MS);
}
