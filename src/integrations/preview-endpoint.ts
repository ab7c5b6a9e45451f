import type { IncomingMessage, ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { ImageMetadata } from 'astro';
import { readPreviewRequest } from '../cms/preview-request.ts';
import type { renderPreview } from '../cms/render-preview.ts';
import { jsonBody } from '../lib/json-body.ts';
import { MAX_BODY, fromAdminPage, sender } from './admin-requests.ts';

export interface PreviewDeps {
  repoRoot: string;
  contentDir: string;
  /** "Today" for the site: the build date. */
  today: Date;
  /** The site's own Markdown renderer, made from astro.config.mjs's processor, plugins and all. */
  markdown: () => Promise<MarkdownRenderer>;
  /** src/cms/render-preview.ts, loaded through the dev server (it needs Astro's virtual modules). */
  load: () => Promise<{ renderPreview: typeof renderPreview }>;
  /** An image file as the page imports it: its metadata, for Astro's image service. */
  loadImage: (file: string) => Promise<ImageMetadata | undefined>;
}

/**
 * The CMS preview's route under `npm run edit`: the entry as the form holds it (`{ path, raw }`), rendered
 * as its page renders it, with the same Markdown pipeline (the HTML allowlist is its last step) and the
 * page's own component. Answers only the admin page of this server, as the check does: a page elsewhere
 * must not be able to make it read files or render content.
 */
export async function answerPreview(req: IncomingMessage, res: ServerResponse, deps: PreviewDeps): Promise<void> {
  const send = sender(res);
  if (!fromAdminPage(req)) return send(403, { error: 'Only the admin page of this server may ask for a preview.' });
  let body: unknown;
  try {
    body = await jsonBody(req, MAX_BODY);
  } catch {
    return send(400, { error: 'The preview could not read the entry.' });
  }
  const request = readPreviewRequest(body, deps);
  if (!request.ok) return send(request.status, { error: request.error });
  const today = deps.today.toISOString().slice(0, 10);
  if (!request.entry) {
    return send(200, {
      html: null,
      problem:
        'The preview shows the page once the form’s fields are complete and correct: the check above says what to fix.',
      callToAction: null,
      today,
    });
  }
  let html: string;
  try {
    // As Astro's content layer renders an entry (astro/content/content-layer): the body, its file's address.
    html = (await (await deps.markdown()).render(request.body, { fileURL: pathToFileURL(request.file) })).code;
  } catch (error) {
    // The content guard's words (an image from outside the content folder, a file too large) are the editor's.
    const said = error instanceof Error ? error.message : '';
    return send(200, { html: null, problem: `The page cannot be shown: ${said}`, callToAction: null, today });
  }
  try {
    const { renderPreview } = await deps.load();
    send(
      200,
      await renderPreview(request.entry, html, {
        file: request.file,
        contentDir: deps.contentDir,
        today: deps.today,
        loadImage: deps.loadImage,
      }),
    );
  } catch (error) {
    console.error(`The CMS preview could not be rendered: ${error instanceof Error ? error.message : String(error)}`);
    send(500, { error: 'The preview could not be rendered: the dev server’s terminal says why.' });
  }
}
