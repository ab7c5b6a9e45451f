import { render, type CollectionEntry } from 'astro:content';

/**
 * The HTML of a specification section as its page shows it. Markdown entries carry it already;
 * MDX ones are rendered through Astro's Container API, loaded only when an MDX section exists.
 * @example await sectionHtml(section) // => '<h2 id="clause-screening"><span id="clause-5-2"></span>5.2 First check</h2>…'
 */
export async function sectionHtml(entry: CollectionEntry<'specification'>): Promise<string> {
  if (entry.rendered?.html !== undefined) return entry.rendered.html;
  const [{ experimental_AstroContainer: AstroContainer }, { loadRenderers }, { getContainerRenderer }] =
    await Promise.all([
      import('astro/container'),
      import('astro:container'),
      import('@astrojs/mdx/container-renderer'),
    ]);
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  const { Content } = await render(entry);
  return container.renderToString(Content);
}
