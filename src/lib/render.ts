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
 * Whether an entry's stored HTML is its page's HTML. A Markdown entry's stored HTML holds a placeholder
 * for each local image (`<img __ASTRO_IMAGE_="{…}">`, with no `src`) that only `render()` resolves, through
 * Astro's image service, to the optimised file the page shows; MDX entries have no stored HTML at all.
 */
function storedHtmlIsFinal(entry: CollectionEntry<'bulletins' | 'specification' | 'programme'>): boolean {
  return Boolean(entry.rendered?.html) && !entry.rendered?.metadata?.imagePaths?.length;
}

/**
 * The HTML body of a Markdown or MDX entry, as its page shows it, for feeds and the email edition.
 * Markdown entries without images already carry it; the rest are rendered as their page renders them
 * (`render()`, then Astro's Container API), so an image comes out as the same optimised file, such as
 * `<img src="/_astro/wave-2-map.Bx1.webp" …>`.
 * @example await entryHtml(bulletin) // => '<h2 id="update-on-the-programme">Update on the programme</h2>…'
 */
export async function entryHtml(entry: CollectionEntry<'bulletins' | 'specification' | 'programme'>): Promise<string> {
  if (storedHtmlIsFinal(entry)) return entry.rendered!.html;
  const { Content } = await render(entry);
  return (await getContainer()).renderToString(Content);
}
