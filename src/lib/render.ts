import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer, type ContainerRenderOptions } from 'astro/container';
import { render, type CollectionEntry } from 'astro:content';
import { loadRenderers } from 'astro:container';

let container: Promise<AstroContainer> | undefined;

/** One container for the whole build: creating it loads the MDX renderer, which is slow. */
function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

/**
 * Renders a component to an HTML string outside a page, as the email edition needs.
 * @example await renderComponent(EmailEdition, { props: { title: 'May 2015', … }, partial: false }) // => '<!DOCTYPE html>…'
 */
export async function renderComponent(
  component: Parameters<AstroContainer['renderToString']>[0],
  options: ContainerRenderOptions,
): Promise<string> {
  return (await getContainer()).renderToString(component, options);
}

/**
 * The HTML body of a Markdown or MDX entry, as its page shows it, for feeds and the email edition.
 * Markdown entries already carry it; MDX ones are rendered through Astro's Container API.
 * @example await entryHtml(bulletin) // => '<h2 id="update-on-the-programme">Update on the programme</h2>…'
 */
export async function entryHtml(entry: CollectionEntry<'bulletins' | 'specification' | 'programme'>): Promise<string> {
  if (entry.rendered?.html) return entry.rendered.html;
  const { Content } = await render(entry);
  return (await getContainer()).renderToString(Content);
}
