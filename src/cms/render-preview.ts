/**
 * The CMS's preview of an entry, rendered by the page's own component (BulletinArticle.astro,
 * ProgrammeArticle.astro) through Astro's Container API, with the text already through the site's Markdown
 * pipeline (src/integrations/preview-endpoint.ts). Loaded by the dev server with `ssrLoadModule`, so
 * `astro:assets` and `astro:content` work as they do for the page; never part of the built site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import BulletinArticle from '../components/BulletinArticle.astro';
import CallToAction from '../components/CallToAction.astro';
import ProgrammeArticle from '../components/ProgrammeArticle.astro';
import { resolvesInside } from '../lib/content-guard.ts';
import { IMAGE_FILE } from '../lib/content-layout.ts';
import { isOpen } from '../lib/issue-visibility.ts';
import type { PreviewAnswer } from './preview-answer.ts';
import type { PreviewedEntry } from './preview-request.ts';

let container: Promise<AstroContainer> | undefined;

const IMAGE_PLACEHOLDER = /__ASTRO_IMAGE_="([^"]+)"/g;
const decode = (value: string) =>
  value
    .replace(/&(?:#x22|quot);/g, '"')
    .replace(/&(?:#x27|apos);/g, "'")
    .replace(/&(?:amp|#x26|#38);/g, '&');
const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attributes = (values: Record<string, unknown>) =>
  Object.entries(values)
    .filter(([, value]) => value != null)
    .map(([key, value]) => (value === '' ? `${key}=""` : `${key}="${escape(String(value))}"`))
    .join(' ');

/**
 * Puts each image where the Markdown pipeline left a placeholder, as the page does (astro/content/runtime):
 * through Astro's image service, so the preview shows the optimised file, its width and height. An image
 * the form has but the content folder does not yet (uploaded, not published) keeps its file name in
 * `data-preview-asset` for the admin page to show from the CMS's own copy.
 */
async function placeImages(
  html: string,
  file: string,
  contentDir: string,
  loadImage: (file: string) => Promise<ImageMetadata | undefined>,
): Promise<string> {
  const found = new Map<string, string>();
  for (const [, placeholder] of html.matchAll(IMAGE_PLACEHOLDER)) {
    // `index` numbers the image's uses for Astro's own lookup; it is no attribute.
    const { src, ...props } = JSON.parse(decode(placeholder!)) as Record<string, unknown>;
    delete props.index;
    const image = path.resolve(path.dirname(file), decodeURI(String(src)));
    // Only a picture file in the content folder is loaded (the pipeline's guard refuses others already).
    const loadable = IMAGE_FILE.test(image) && resolvesInside(image, contentDir) && fs.existsSync(image);
    const metadata = loadable ? await loadImage(image) : undefined;
    if (!metadata) {
      found.set(placeholder!, attributes({ ...props, 'data-preview-asset': String(src) }));
      continue;
    }
    const result = await getImage({ ...props, src: metadata });
    const rest: Record<string, unknown> = { ...result.attributes };
    delete rest.index;
    found.set(
      placeholder!,
      attributes({
        ...rest,
        src: result.src,
        ...(result.srcSet.values.length > 0 ? { srcset: result.srcSet.attribute } : {}),
      }),
    );
  }
  return html.replaceAll(IMAGE_PLACEHOLDER, (_all, placeholder: string) => found.get(placeholder) ?? '');
}

/** The call to action's box on one day, as the page's component draws it. */
async function box(
  action: NonNullable<Extract<PreviewedEntry, { collection: 'bulletins' }>['data']['callToAction']>,
  day: Date,
) {
  const html = (await (await container!).renderToString(CallToAction, { props: { action, today: day } })).replace(
    / data-astro-source-(?:file|loc)="[^"]*"/g,
    '',
  );
  return { html, open: isOpen(action, day) };
}

/**
 * The entry's part of its page, from the page's own component, with `html` (the pipeline's output, images
 * still as placeholders) as its text; for an issue, its call to action on its date and on `today` too.
 */
export async function renderPreview(
  entry: PreviewedEntry,
  html: string,
  options: {
    file: string;
    contentDir: string;
    today: Date;
    loadImage: (file: string) => Promise<ImageMetadata | undefined>;
  },
): Promise<PreviewAnswer> {
  container ??= AstroContainer.create();
  // The dev server marks each element with its source file for its toolbar; the built page has no such marks.
  const unmarked = (html: string) => html.replace(/ data-astro-source-(?:file|loc)="[^"]*"/g, '');
  const body = await placeImages(html, options.file, options.contentDir, options.loadImage);
  const today = options.today.toISOString().slice(0, 10);
  if (entry.collection === 'programme') {
    const article = await (
      await container
    ).renderToString(ProgrammeArticle, { props: { data: entry.data, html: body } });
    return { html: unmarked(article), callToAction: null, today };
  }
  const { data } = entry;
  const article = await (
    await container
  ).renderToString(BulletinArticle, {
    props: { data, today: options.today, html: body },
  });
  const callToAction = data.callToAction
    ? { onPublication: await box(data.callToAction, data.date), today: await box(data.callToAction, options.today) }
    : null;
  return { html: unmarked(article), callToAction, today };
}
