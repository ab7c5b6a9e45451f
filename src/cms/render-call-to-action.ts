/**
 * The call to action in the CMS's preview, rendered by the site's own component (CallToAction.astro)
 * through Astro's Container API, so the preview shows the box readers will see, open or closed. Loaded by
 * the dev server (src/integrations/cms.ts) for the admin page; never part of the built site.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import CallToAction from '../components/CallToAction.astro';
import { isOpen } from '../lib/issue-visibility.ts';
import { callToActionSchema } from '../schemas/bulletin.ts';

/** The box on two days: the publication date and the build's "today". */
export interface CallToActionPreview {
  onPublication: { html: string; open: boolean };
  today: { html: string; open: boolean };
}

let container: Promise<AstroContainer> | undefined;

/** The call to action as the page renders it; undefined while the form does not yet hold a valid one. */
export async function renderCallToAction(
  action: unknown,
  published: Date,
  today: Date,
): Promise<CallToActionPreview | undefined> {
  const parsed = callToActionSchema.safeParse(action);
  if (!parsed.success || Number.isNaN(published.getTime())) return undefined;
  container ??= AstroContainer.create();
  const render = async (day: Date) => ({
    html: await (await container!).renderToString(CallToAction, { props: { action: parsed.data, today: day } }),
    open: isOpen(parsed.data, day),
  });
  return { onPublication: await render(published), today: await render(today) };
}
