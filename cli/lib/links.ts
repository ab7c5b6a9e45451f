import { closest, distance } from 'fastest-levenshtein';

/** A page or file the built site will have, as far as a link needs to know. */
export interface SitePage {
  /** The ids a link may point at with `#`; absent when the page's anchors cannot be known. */
  anchors?: ReadonlySet<string>;
  /** False for a draft or scheduled bulletin: it is not in a production build. */
  published: boolean;
  /** Why it is unpublished, for the message: "a draft", "scheduled for 27 July 2015". */
  unpublished?: string;
}

/** Every URL of the built site (pages and public files), keyed by path: `/bulletins/2015-05/`. */
export type SiteMap = ReadonlyMap<string, SitePage>;

/** What is wrong with a link, in the words of a content problem. */
export interface LinkProblem {
  message: string;
  expected: string;
  fix: string;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** A suggestion when a name is close enough to be a typing slip. */
function nearest(wanted: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const match = closest(wanted, [...known]);
  return distance(wanted, match) <= Math.max(3, Math.floor(wanted.length / 3)) ? match : undefined;
}

/**
 * Checks a link written in a page at `from` against the site: the page must exist (with its
 * trailing slash), its `#anchor` must be on it, and a published page may not link to an
 * unpublished one. Links to other sites, `mailto:` and `tel:` are not checked.
 * @example checkLink('/bulletins/2015-05/#nope', '/programme/about/', site, { published: true, origin })
 * // => { message: 'The link goes to `#nope`, which is not on /bulletins/2015-05/.', ... }
 */
export function checkLink(
  href: string,
  from: string,
  site: SiteMap,
  context: { published: boolean; origin: string },
): LinkProblem | undefined {
  const trimmed = href.trim();
  if (trimmed === '') {
    return {
      message: 'The link has no address.',
      expected: 'a page of this site such as /bulletins/2015-05/, or a full web address',
      fix: 'Put the address in the round brackets: [text](/bulletins/2015-05/).',
    };
  }
  if (trimmed.startsWith('//')) return undefined;
  if (SCHEME.test(trimmed) && !trimmed.startsWith(`${context.origin}/`) && trimmed !== context.origin) return undefined;

  const url = new URL(trimmed, `${context.origin}${from}`);
  const path = decodeURI(url.pathname);
  const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
  const shown = trimmed;
  const page = site.get(path);

  if (!page) {
    const withSlash = `${path}/`;
    if (site.has(withSlash)) {
      return {
        message: `The link goes to ${path}, which has no trailing slash: that address does not exist.`,
        expected: `${withSlash}${url.hash}: every page's address ends with /`,
        fix: `Change the link to ${withSlash}${url.hash}.`,
      };
    }
    const asFile = /\.mdx?$/.test(path) ? `${path.replace(/\.mdx?$/, '').replace(/\/index$/, '')}/` : undefined;
    const meant = asFile && site.has(asFile) ? asFile : nearest(path, [...site.keys()]);
    return {
      message: `The link goes to ${shown}, but the site has no page at ${path}.`,
      expected:
        'the address of a page of this site, such as /bulletins/2015-05/ or /specification/the-persons-journey/',
      fix: meant
        ? `Did you mean ${meant}? Change the link to ${meant}${url.hash}.`
        : 'Check the address against the page in `npm run dev`, or remove the link.',
    };
  }
  if (context.published && !page.published) {
    return {
      message: `The link goes to ${path}, which is ${page.unpublished ?? 'not published'}: the published site will not have it.`,
      expected: 'a link to a published page',
      fix: `Remove the link until ${path} is published, or publish it first.`,
    };
  }
  if (anchor && page.anchors && !page.anchors.has(anchor)) {
    const meant = nearest(anchor, [...page.anchors]);
    const clause = /^clause-/.test(anchor)
      ? ' Clause anchors come from numbered headings: `## 3.2 Title` is #clause-3-2.'
      : '';
    return {
      message: `The link goes to #${anchor} on ${path}, but that page has no heading or clause with that anchor.`,
      expected: `an anchor on ${path}: ${[...page.anchors]
        .slice(0, 5)
        .map((a) => `#${a}`)
        .join(', ')}${page.anchors.size > 5 ? ', …' : ''}.${clause}`,
      fix: meant
        ? `Did you mean #${meant}? Change the link to ${path}#${meant}.`
        : `Link to the page without #${anchor}, or to one of its headings.`,
    };
  }
  return undefined;
}
