import { htmlToHast, markdownToHast, mdxToHast } from 'satteri';
import { markdownFeatures } from '../lib/content-layout.ts';

/** What the content check needs to know about a Markdown file's text. */
export interface MarkdownFacts {
  images: { src: string; alt?: string; line?: number }[];
  /** Whether there is any text besides headings and comments. */
  hasText: boolean;
}

/** Astro's Markdown defaults (GFM, smart punctuation) plus the site's own features, as the build reads the text. */
const features = { gfm: true, smartPunctuation: true, ...markdownFeatures };

interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number } };
}

const HEADING = /^h[1-6]$/;

/**
 * Reads a Markdown or MDX file (frontmatter included, so lines are the file's lines) and lists its
 * images, and whether it has any text. Links are checked on the built site (src/content-rules/built-links.ts).
 * Throws on MDX that does not parse.
 * @example markdownFacts('![A chart](chart.png)').images // => [{ src: 'chart.png', alt: 'A chart', line: 1 }]
 */
export function markdownFacts(source: string, options: { mdx?: boolean } = {}): MarkdownFacts {
  const tree = (options.mdx ? mdxToHast : markdownToHast)(source, { features, position: true }) as unknown as Node;
  const facts: MarkdownFacts = { images: [], hasText: false };

  const visit = (node: Node, inHeading: boolean, line?: number) => {
    const here = node.position?.start.line ?? line;
    if (node.type === 'text' && !inHeading && node.value?.trim()) facts.hasText = true;
    if (node.type === 'raw' && node.value) {
      // Raw HTML in Markdown: parse it so an `<img>` written by hand is checked too.
      const fragment = htmlToHast(node.value, { fragment: true }) as unknown as Node;
      for (const child of fragment.children ?? []) visit(child, inHeading, here);
      return;
    }
    if (node.type === 'element' && node.tagName) {
      if (HEADING.test(node.tagName)) inHeading = true;
      if (node.tagName === 'img') {
        const props = node.properties ?? {};
        const alt = typeof props.alt === 'string' ? props.alt : undefined;
        facts.images.push({ src: String(props.src ?? ''), alt, line: here });
        if (alt?.trim() && !inHeading) facts.hasText = true;
      }
    }
    if (node.type.startsWith('mdxJsx') && node.name === 'img') {
      const attr = (name: string) => {
        const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
        return typeof value === 'string' ? value : undefined;
      };
      facts.images.push({ src: attr('src') ?? '', alt: attr('alt'), line: here });
    }
    for (const child of node.children ?? []) visit(child, inHeading, here);
  };
  visit(tree, false);
  return facts;
}
