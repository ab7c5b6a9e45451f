import fs from 'node:fs';
import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { Parser } from 'htmlparser2';
import { loadHosting } from '../lib/hosting/config.ts';
import { redirectSources } from '../lib/hosting/host-files.ts';
import { eachFile } from '../lib/files-at-once.ts';
import { userError } from '../lib/user-error.ts';
import { siteConfig } from '../site.config.ts';
import { displayPath } from './display-path.ts';
import { formatProblem, sortProblems, type Problem } from './problems.ts';
import { suggestByWords } from './suggest.ts';

/** One `<a href>` of a built page, with its words. */
interface PageLink {
  href: string;
  text: string;
}

/** What a link needs to know about a built page: its ids, its headings' words and its own title. */
interface BuiltPage {
  /** Every id on the page, and every `<a name>`. */
  ids: Set<string>;
  /** Headings that carry an id, with their words: what a link to a clause or heading should land on. */
  headings: { id: string; text: string }[];
  /** The page's `<h1>`, or its `<title>`. */
  title: string;
  links: PageLink[];
}

const HEADING = /^h[1-6]$/;

/** Reads one built page in a single pass of htmlparser2: ids, headings, title and links. */
function readPage(html: string): BuiltPage {
  const page: BuiltPage = { ids: new Set(), headings: [], title: '', links: [] };
  let title = '';
  let h1: string | undefined;
  // Open elements whose words are being gathered: a heading, a link, the <title>.
  const open: { tag: string; text: string; id?: string; href?: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (attributes.id) page.ids.add(attributes.id);
        if (name === 'a' && attributes.name) page.ids.add(attributes.name);
        // An image map's area has no words of its own, only its alt text.
        if (name === 'area' && 'href' in attributes)
          page.links.push({ href: attributes.href, text: attributes.alt ?? '' });
        else if (HEADING.test(name) || name === 'title' || (name === 'a' && 'href' in attributes))
          open.push({ tag: name, text: '', id: attributes.id, href: attributes.href });
      },
      ontext(text) {
        for (const element of open) element.text += text;
      },
      onclosetag(name) {
        const index = open.findLastIndex((element) => element.tag === name);
        if (index === -1) return;
        const [element] = open.splice(index, 1);
        const words = element.text.replace(/\s+/g, ' ').trim();
        if (name === 'a') page.links.push({ href: element.href ?? '', text: words });
        else if (name === 'title') title = words;
        else {
          if (name === 'h1') h1 ??= words;
          if (element.id) page.headings.push({ id: element.id, text: words });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  page.title = h1 ?? title;
  return page;
}

/** Every file of a built site, as site paths with `/`: `bulletins/2015-05/index.html`. */
function siteFiles(siteDir: string): string[] {
  return fs
    .readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * The address a built file answers at: `bulletins/2015-05/index.html` => `/bulletins/2015-05/`,
 * `feed.xml` => `/feed.xml`.
 */
function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Where a link was written: a content file and line, when the link's address is found there. */
interface Source {
  file: string;
  line: number;
}

/**
 * Finds where a link was written in the content folder: every Markdown, MDX and YAML file is searched for
 * the address as written (or without the site's origin, as the email edition writes it). Several
 * matches are narrowed to the file the page was made from, whose name is in the page's address.
 */
function sourceFinder(contentDir: string | undefined, show: (file: string) => string) {
  let files: { file: string; lines: string[]; name: string }[] | undefined;
  const load = () =>
    (files ??=
      !contentDir || !fs.existsSync(contentDir)
        ? []
        : siteFiles(contentDir)
            .filter((file) => /\.(md|mdx|ya?ml)$/.test(file))
            .map((file) => ({
              file: show(path.join(contentDir, file)),
              lines: fs.readFileSync(path.join(contentDir, file), 'utf8').split(/\r?\n/),
              // `2019/05-the-persons-journey.md` => `the-persons-journey`, as it appears in its page's address.
              name: path
                .basename(file)
                .replace(/\.[^.]+$/, '')
                .replace(/^\d+-/, ''),
            })));
  return (written: readonly string[], page: string): Source[] => {
    const found: (Source & { name: string })[] = [];
    for (const { file, lines, name } of load()) {
      lines.forEach((text, index) => {
        if (
          written.some((href) => text.includes(`(${href})`) || text.includes(`"${href}"`) || text.includes(`'${href}'`))
        )
          found.push({ file, line: index + 1, name });
      });
    }
    if (found.length < 2) return found;
    const own = found.filter(({ name }) => page.split('/').includes(name));
    return (own.length ? own : found).map(({ file, line }) => ({ file, line }));
  };
}

/** The ways a link may be written in the content for the address the built page has. */
function writtenForms(href: string, origin: string): string[] {
  const forms = new Set([href]);
  if (href.startsWith(`${origin}/`)) forms.add(href.slice(origin.length));
  for (const form of [...forms]) {
    try {
      forms.add(decodeURI(form));
    } catch {
      // An address with a stray %: only its written form can be searched for.
    }
  }
  return [...forms];
}

export interface BuiltLinksOptions {
  /** The site's own address (SITE_URL): full links to it are checked like /paths. */
  origin: string;
  /** The content folder (CONTENT_DIR), where a broken link's file and line are looked up. */
  contentDir?: string;
  /** Addresses the host redirects (deploy/redirects.yaml): links to them work. */
  redirects?: readonly string[];
  /** How a content file is shown in messages; by default as given. */
  show?: (file: string) => string;
}

const WORD_HINT = 'A clause’s or heading’s address comes from its number or words: `## 3.2 Screening` is #clause-3-2.';

/**
 * Checks every internal link and `#` on every built HTML page of a site (pages made from content and
 * generated pages alike): the page it leads to must exist, with its trailing slash, and the clause or
 * heading after `#` must be on it. Each broken link is one problem naming where it was written (the
 * content file and line, found by searching the content for the link; otherwise the built page, whose
 * template or data wrote it), the link, and the page, clause or heading meant when that is certain.
 * Links to other sites, `mailto:` and `tel:` are not checked.
 * @example await checkBuiltLinks('.build/next', { origin: 'https://example.org', contentDir: 'content' })
 * // => [{ severity: 'error', file: 'content/bulletins/2015-07.md', line: 9, message: 'The link to /specification/#clause-99-99 …', … }]
 */
export async function checkBuiltLinks(siteDir: string, options: BuiltLinksOptions): Promise<Problem[]> {
  const files = siteFiles(siteDir);
  const urls = new Set(files.map(urlOfFile));
  const redirects = new Set(options.redirects ?? []);
  const pages = new Map<string, BuiltPage>();
  await eachFile(
    files.filter((file) => file.endsWith('.html')),
    async (file) => pages.set(urlOfFile(file), readPage(await fs.promises.readFile(path.join(siteDir, file), 'utf8'))),
  );
  // A bulletin's file in the content folder with no page in the build: a draft, or scheduled for later.
  const unpublished = (target: string) => {
    const id = /^\/bulletins\/([^/]+)\/$/.exec(target)?.[1];
    if (!id || !options.contentDir) return undefined;
    const file = ['.md', '.mdx']
      .map((ext) => path.join(options.contentDir!, 'bulletins', `${id}${ext}`))
      .find((candidate) => fs.existsSync(candidate));
    return file && (options.show ?? ((f: string) => f))(file);
  };
  const origin = new URL(options.origin).origin;
  const findSource = sourceFinder(options.contentDir, options.show ?? ((file) => file));
  const problems = new Map<string, Problem>();

  for (const [from, page] of pages) {
    for (const link of page.links) {
      const href = link.href.trim();
      if (href === '' || href === '#') continue;
      // Read as the browser reads it: `/\host/`, `/\t/host/` and `HTTPS://site` are not what they look like.
      const url = URL.parse(href, `${options.origin}${from}`);
      if (!url || url.origin !== origin) continue;
      let target: string;
      let anchor: string;
      try {
        target = decodeURI(url.pathname);
        anchor = decodeURIComponent(url.hash.slice(1));
      } catch {
        target = url.pathname;
        anchor = url.hash.slice(1);
      }
      // The email edition writes the site's own links in full; editors write them from the root.
      const written = href.startsWith(`${options.origin}/`) ? href.slice(options.origin.length) : href;
      const broken = brokenLink({ href: written, text: link.text }, target, anchor, {
        urls,
        pages,
        redirects,
        unpublished,
      });
      if (!broken) continue;
      const sources = findSource(writtenForms(href, options.origin), from);
      const where: Source[] = sources.length ? sources : [{ file: `the page ${from}`, line: 0 }];
      for (const source of where) {
        const key = `${source.file}:${source.line}:${target}#${anchor}`;
        if (problems.has(key)) continue;
        const madeBy = sources.length
          ? ''
          : ' The link is in no content file: a template in src/ or a data file wrote it.';
        problems.set(key, {
          severity: 'error',
          file: source.file,
          line: source.line || undefined,
          message: `${broken.message}${madeBy}`,
          expected: broken.expected,
          fix: broken.fix,
          suggestion: broken.suggestion,
        });
      }
    }
  }
  return [...problems.values()];
}

/**
 * A page whose address differs from the link's by a typing slip of a letter or two (`/bulletin/2015-05/`
 * for `/bulletins/2015-05/`), never by a number: `/bulletins/2015-06/` is a different issue, not a slip.
 */
function spellingSlip(target: string, urls: readonly string[]): string | undefined {
  const digits = (text: string) => text.replace(/\D+/g, ' ').trim();
  const slips = urls.filter((url) => digits(url) === digits(target) && distance(url, target) <= 2);
  return slips.length === 1 ? slips[0] : undefined;
}

interface Broken {
  message: string;
  expected: string;
  fix: string;
  suggestion?: string;
}

/** What is wrong with one link, if anything, and what it meant when that is certain. */
function brokenLink(
  link: PageLink,
  target: string,
  anchor: string,
  site: {
    urls: ReadonlySet<string>;
    pages: ReadonlyMap<string, BuiltPage>;
    redirects: ReadonlySet<string>;
    /** The content file of an issue the build left out, for a link to its address. */
    unpublished: (target: string) => string | undefined;
  },
): Broken | undefined {
  const shown = `[${link.text || '…'}](${link.href})`;
  if (!site.urls.has(target) && !site.redirects.has(target)) {
    const hash = anchor ? `#${anchor}` : '';
    if (site.urls.has(`${target}/`)) {
      const meant = `${target}/${hash}`;
      return {
        message: `The link ${shown} goes to ${target}, which has no / at the end: that address does not exist.`,
        expected: 'an address that ends with /, as every page’s does',
        fix: `Change the link to ${meant}.`,
        suggestion: meant,
      };
    }
    const asFile = /\.mdx?$/.test(target) ? `${target.replace(/\.mdx?$/, '').replace(/\/index$/, '')}/` : undefined;
    const byWords =
      asFile && site.urls.has(asFile)
        ? asFile
        : (spellingSlip(target, [...site.pages.keys()]) ??
          suggestByWords(
            link.text,
            [...site.pages]
              .filter(([url]) => url.endsWith('/'))
              .map(([url, page]) => ({ value: url, words: page.title })),
          ));
    const unpublished = site.unpublished(target);
    if (unpublished) {
      return {
        message: `The link ${shown} goes to ${target}, which is not on the site: ${unpublished} is a draft or scheduled for a later date.`,
        expected: 'a link to a published page',
        fix: `Remove the link until ${target} is published, or publish it first.`,
      };
    }
    return {
      message: `The link ${shown} goes to ${target}, but the site has no page there.`,
      expected:
        'the address of a page of this site, such as /bulletins/2015-05/ or /specification/the-persons-journey/. A draft or scheduled issue is not on the site yet.',
      fix: byWords
        ? `Did you mean ${byWords} (“${site.pages.get(byWords)?.title}”)? Change the link to ${byWords}${hash}.`
        : 'Check the address against the page in `npm run dev`, or remove the link.',
      suggestion: byWords ? `${byWords}${hash}` : undefined,
    };
  }
  const page = site.pages.get(target);
  if (!anchor || anchor === 'top' || !page || page.ids.has(anchor)) return undefined;
  const kind = anchor.startsWith('clause-') ? 'clause' : 'heading';
  const meant = suggestByWords(
    link.text,
    page.headings.map(({ id, text }) => ({ value: id, words: text })),
  );
  const heading = page.headings.find(({ id }) => id === meant);
  return {
    message: `The link ${shown} goes to #${anchor} on ${target} (“${page.title}”), but that page has no ${kind} #${anchor}.`,
    expected: `a ${kind} on that page. ${WORD_HINT}`,
    fix: meant
      ? `Did you mean “${heading?.text}”? Change the link to ${target}#${meant}.`
      : `Open ${target} and copy the clause’s or heading’s link from it, or link to the page without #${anchor}.`,
    suggestion: meant ? `${target}#${meant}` : undefined,
  };
}

/**
 * Checks the links of the site built in `dir` with the site's own settings (SITE_URL, CONTENT_DIR and
 * deploy/redirects.yaml), and throws an error that lists every broken link, as `npm run check` would
 * list it, so the build stops before the site is published.
 * @example await assertBuiltLinks('.build/next')
 */
export async function assertBuiltLinks(dir: string): Promise<void> {
  const problems = await checkBuiltLinks(dir, {
    origin: siteConfig.url,
    contentDir: siteConfig.contentDir,
    redirects: redirectAddresses(),
    show: displayPath,
  });
  if (problems.length === 0) return;
  throw userError(
    `${problems.length === 1 ? 'A link leads' : `${problems.length} links lead`} nowhere on the built site, so it was not published:\n\n${sortProblems(problems).map(formatProblem).join('\n\n')}`,
    'Correct each link in the file named, then run `npm run build` again.',
  );
}

/** The addresses deploy/redirects.yaml sends on; none if it cannot be read (the hosting step says why). */
function redirectAddresses(): string[] {
  try {
    return loadHosting(process.cwd()).redirects.flatMap(({ from }) => redirectSources(from));
  } catch {
    return [];
  }
}

/** A link as written in a Markdown file, with the line it is on. */
export interface WrittenLink {
  text: string;
  href: string;
  line: number;
}

/**
 * The site's own links in a Markdown file (`[words](/path/#clause-1-2)`), images left out: what an entry
 * not yet saved links to, for checking against a running site.
 */
export function writtenLinks(markdown: string): WrittenLink[] {
  return markdown
    .split(/\r?\n/)
    .flatMap((text, index) =>
      [...text.matchAll(/(!?)\[([^\]]*)\]\((\/[^)\s]*)\)/g)]
        .filter((match) => match[1] !== '!')
        .map((match) => ({ text: match[2], href: match[3], line: index + 1 })),
    );
}

/**
 * Checks one entry's links against pages fetched one at a time (under `npm run edit`, the dev server), in
 * the same words as the build's link check, so an editor sees a broken clause link before publishing.
 * `fetchPage` gives a page's HTML, or undefined when there is no page at that address.
 */
export async function checkLinksOnServer(
  links: readonly WrittenLink[],
  file: string,
  fetchPage: (url: string) => Promise<string | undefined>,
): Promise<Problem[]> {
  const pages = new Map<string, BuiltPage>();
  const problems: Problem[] = [];
  for (const link of links) {
    const [target, anchor = ''] = link.href.split('#');
    if (!pages.has(target)) {
      const html = await fetchPage(target);
      if (html !== undefined) pages.set(target, readPage(html));
    }
    const broken = brokenLink(link, target, anchor, {
      urls: new Set(pages.keys()),
      pages,
      redirects: new Set(),
      unpublished: () => undefined,
    });
    if (broken) {
      const { message, expected, fix, suggestion } = broken;
      problems.push({ severity: 'error', file, line: link.line, message, expected, fix, suggestion });
    }
  }
  return problems;
}
