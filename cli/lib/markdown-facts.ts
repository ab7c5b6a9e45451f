import GithubSlugger from 'github-slugger';
import { htmlToHast, markdownToHast, mdxToHast, type HastNode } from 'satteri';
import { anchorForHeading, parseAliases } from '../../src/lib/clauses.ts';
import { markdownFeatures } from '../../src/lib/content-layout.ts';

/** What the content check needs to know about a Markdown file's text. */
export interface MarkdownFacts {
  /** Heading anchors in page order, as the site builds them. */
  anchors: { id: string; line?: number }[];
  links: { href: string; line?: number }[];
  images: { src: string; alt?: string; line?: number }[];
  /** Whether there is any text besides headings and comments. */
  hasText: boolean;
}

/** Astro's Markdown defaults (GFM, smart punctuation) plus the site's own features: heading text must match. */
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

function textOf(node: Node): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Reads a Markdown or MDX file (frontmatter included, so lines are the file's lines) and lists its
 * anchors, links and images. Anchors follow the site's build: an id written `{#id}` wins, then a
 * clause anchor for numbered specification headings (`## 3.2 Screening` => `clause-3-2`), then
 * Astro's github-slugger id; a clause's number anchor and `data-aliases` stay valid as aliases.
 * Throws on MDX that does not parse.
 * @example markdownFacts('## A b\n\n[x](/y/)').anchors // => [{ id: 'a-b', line: 1 }]
 */
export function markdownFacts(source: string, options: { mdx?: boolean; clauses?: boolean } = {}): MarkdownFacts {
  const tree = (options.mdx ? mdxToHast : markdownToHast)(source, { features, position: true }) as unknown as Node;
  const facts: MarkdownFacts = { anchors: [], links: [], images: [], hasText: false };
  const slugger = new GithubSlugger();

  const visit = (node: Node, inHeading: boolean, line?: number) => {
    const here = node.position?.start.line ?? line;
    if (node.type === 'text' && !inHeading && node.value?.trim()) facts.hasText = true;
    if (node.type === 'raw' && node.value) {
      // Raw HTML in Markdown: parse it so `<a href>` and `<img>` written by hand are checked too.
      const fragment = htmlToHast(node.value, { fragment: true }) as unknown as Node;
      for (const child of fragment.children ?? []) visit(child, inHeading, here);
      return;
    }
    if (node.type === 'element' && node.tagName) {
      const props = node.properties ?? {};
      if (HEADING.test(node.tagName)) {
        const text = textOf(node);
        const written = typeof props.id === 'string' ? props.id : undefined;
        const clause = options.clauses && /^h[2-4]$/.test(node.tagName) ? anchorForHeading(text) : undefined;
        const id = written ?? clause ?? slugger.slug(text);
        facts.anchors.push({ id, line: here });
        // As src/integrations/clause-ids.ts: a clause whose id was written keeps its number anchor, and
        // the anchors listed in `data-aliases`, as aliases that links may still use.
        if (clause) {
          const aliases = [clause, ...parseAliases(props['data-aliases'] ?? props.dataAliases)];
          for (const alias of new Set(aliases)) if (alias !== id) facts.anchors.push({ id: alias, line: here });
        }
        inHeading = true;
      }
      if (node.tagName === 'a' && typeof props.href === 'string') facts.links.push({ href: props.href, line: here });
      if (node.tagName === 'img') {
        const alt = typeof props.alt === 'string' ? props.alt : undefined;
        facts.images.push({ src: String(props.src ?? ''), alt, line: here });
        if (alt?.trim() && !inHeading) facts.hasText = true;
      }
      if (typeof props.id === 'string' && !HEADING.test(node.tagName)) facts.anchors.push({ id: props.id, line: here });
    }
    if (node.type.startsWith('mdxJsx') && (node.name === 'a' || node.name === 'img')) {
      const attr = (name: string) => {
        const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
        return typeof value === 'string' ? value : undefined;
      };
      if (node.name === 'a' && attr('href') !== undefined) facts.links.push({ href: attr('href')!, line: here });
      if (node.name === 'img') facts.images.push({ src: attr('src') ?? '', alt: attr('alt'), line: here });
    }
    for (const child of node.children ?? []) visit(child, inHeading, here);
  };
  visit(tree, false);
  return facts;
}

export type { HastNode };
