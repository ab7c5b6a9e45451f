import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { render, type CollectionEntry } from 'astro:content';
import { loadRenderers } from 'astro:container';

let container: Promise<AstroContainer> | undefined;

/** One container for the whole build, for MDX entries: creating it loads the MDX renderer, which is slow. */
function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([mdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
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
