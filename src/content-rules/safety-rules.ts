import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { htmlToHast, markdownToHast } from 'satteri';
import {
  SIZE_LIMITS,
  SVG_FILE,
  contentImageFile,
  formatSize,
  pictureProblem,
  resolvesInside,
} from '../lib/content-guard.ts';
import { markdownFeatures } from '../lib/content-layout.ts';
import { sanitiseTree } from '../lib/safe-html/sanitise.ts';
import { allowedElements, contentSchema, strippedElements } from '../lib/safe-html/schema.ts';
import {
  IMAGE_ADVICE,
  LINK_ADVICE,
  computerAddressProblem,
  readAddress,
  safeImage,
  safeLink,
  sitePath,
} from '../lib/safe-html/urls.ts';
import type { Problem } from './problems.ts';

/**
 * What makes content unsafe to publish, found before anything is built: MDX (which runs code), links to
 * files outside the content folder, files over the size limits, hidden files, and HTML or addresses that
 * the site's allowlist (src/lib/safe-html/) would remove. The build removes such HTML too; the check says
 * so first, in words an editor can act on, naming the file, line and element.
 */
export function safetyRules(options: {
  contentDir: string;
  root: string;
  show: (file: string) => string;
  /** The site's public address: written in full in content, it is reported (src/lib/safe-html/urls.ts). */
  siteUrl?: string;
}): Problem[] {
  const problems: Problem[] = [];
  const { contentDir, show } = options;
  if (fs.existsSync(contentDir)) walk(contentDir, { contentDir, show, siteUrl: options.siteUrl }, problems);
  const publicDir = path.join(options.root, 'public');
  if (fs.existsSync(publicDir)) hiddenPublicFiles(publicDir, show, problems);
  return problems;
}

const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * SVG files are refused, not cleaned: an SVG is a document that can carry script, event handlers,
 * links to other sites and whole web pages (`foreignObject`), and the build copies it unchanged. A
 * cleaner would have to know every way SVG and the browsers reading it run code, and stay right as both
 * change; a PNG or JPEG cannot run anything. Editors' pictures come as PNG or JPEG from every tool they
 * use, so nothing they need is lost (docs/deploy.md, "Images are pictures").
 */
const SVG_REFUSED =
  'SVG pictures are not accepted in the content folder: an SVG file can carry code that would run on the site when the picture is opened, so the site does not publish it.';
const SVG_FIX =
  'Save the picture as PNG (charts, diagrams, maps) or JPEG (photographs) and link to that file instead. Most programs offer this under File, then Export or Save as.';
const MARKDOWN = /\.(md|markdown|mdx)$/i;
const DATA = /\.ya?ml$/i;

/** What the walk through the content folder needs to know. */
interface Site {
  contentDir: string;
  show: (file: string) => string;
  siteUrl?: string;
}

/** The limit for a kind of file, by its name. */
function limitFor(name: string): { bytes: number; kind: string } {
  if (MARKDOWN.test(name)) return { bytes: SIZE_LIMITS.markdown, kind: 'a Markdown file' };
  if (DATA.test(name)) return { bytes: SIZE_LIMITS.data, kind: 'a data file' };
  return { bytes: SIZE_LIMITS.image, kind: IMAGE.test(name) ? 'an image' : 'a file' };
}

/** Every file under the content folder, without following links out of it. */
function walk(folder: string, site: Site, problems: Problem[]): void {
  const { contentDir, show } = site;
  for (const dirent of fs.readdirSync(folder, { withFileTypes: true })) {
    const absolute = path.join(folder, dirent.name);
    const file = show(absolute);
    if (dirent.name.startsWith('.')) {
      problems.push({
        severity: 'warning',
        file,
        message: 'This is a hidden file (its name starts with a dot): the site does not read or publish it.',
        fix: 'Delete it if it is not needed; hidden files are often settings or notes left by another program.',
      });
      continue;
    }
    if (dirent.isSymbolicLink()) {
      if (!resolvesInside(absolute, contentDir)) {
        problems.push({
          severity: 'error',
          file,
          message:
            'This is a link to a file or folder outside the content folder. The site publishes only what is in the content folder, so the build stops here.',
          expected: 'the file itself, saved in the content folder',
          fix: 'Replace the link with a copy of the file, or delete it.',
        });
        continue;
      }
    }
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stat) continue;
    if (stat.isDirectory()) {
      if (!dirent.isSymbolicLink()) walk(absolute, site, problems);
      continue;
    }
    const picture = IMAGE.test(dirent.name) || SVG_FILE.test(dirent.name) ? pictureProblem(absolute) : undefined;
    if (picture === 'svg') {
      problems.push({
        severity: 'error',
        file,
        message: SVG_REFUSED,
        expected: 'a picture saved as PNG (charts, diagrams, maps) or JPEG (photographs)',
        fix: SVG_FIX,
      });
    } else if (picture === 'not-a-picture') {
      problems.push({
        severity: 'error',
        file,
        message: `This file is named as a picture, but it is not a PNG, JPEG, GIF, WebP or AVIF picture inside (it may be an SVG or a document renamed), so the site does not publish it: an SVG can carry code.`,
        expected: 'a picture saved as PNG (charts, diagrams, maps) or JPEG (photographs)',
        fix: 'Open the picture in a picture program, save it again as PNG or JPEG, and link to that file.',
      });
    }
    if (/\.mdx$/i.test(dirent.name)) {
      problems.push({
        severity: 'error',
        file,
        message:
          'MDX files are not accepted in the content folder: MDX can run code on the computer that builds the site, so the site does not read them.',
        expected: 'a Markdown file (.md): words, headings, lists, links, images and tables',
        fix: 'Rename the file to .md and remove any `import` lines, `{…}` expressions and components such as `<Chart />`. If a page needs a component, ask the developers to add it to the site’s templates.',
      });
    }
    const limit = limitFor(dirent.name);
    if (stat.size > limit.bytes) {
      problems.push({
        severity: 'error',
        file,
        message: `The file is ${formatSize(stat.size)}, larger than the ${formatSize(limit.bytes)} ${limit.kind} may be. Nothing this size belongs in a page: it is probably pasted or generated by mistake.`,
        expected: `${limit.kind} of at most ${formatSize(limit.bytes)}`,
        fix: IMAGE.test(dirent.name)
          ? 'Save the image smaller (at most 2,000 pixels wide is plenty for a web page), or as a JPEG.'
          : 'Remove what does not belong in the file, or split it into several.',
      });
      continue;
    }
    if (/\.md$/.test(dirent.name) && stat.size > 0) markupProblems(absolute, site, file, problems);
  }
}

/** A warning for each hidden file in public/: the build leaves them out, so they are not published. */
function hiddenPublicFiles(publicDir: string, show: (file: string) => string, problems: Problem[]): void {
  for (const dirent of fs.readdirSync(publicDir, { withFileTypes: true, recursive: true })) {
    const relative = path.relative(publicDir, path.join(dirent.parentPath, dirent.name));
    const parts = relative.split(path.sep);
    // /.well-known/ itself is published; hidden files inside it are not.
    const hidden = (part: string, index: number) => part.startsWith('.') && !(index === 0 && part === '.well-known');
    if (!parts.some(hidden)) continue;
    // Report a hidden folder once, not every file in it.
    if (parts.slice(0, -1).some(hidden)) continue;
    problems.push({
      severity: 'warning',
      file: show(path.join(publicDir, relative)),
      message:
        'This is a hidden file or folder in public/ (its name starts with a dot). The build does not publish it, and the web server refuses such addresses, so it can never be read from the site.',
      fix: 'Delete it, or move it out of public/. Only /.well-known/ files are published.',
    });
  }
}

interface Found {
  node: Element;
  line?: number;
  /** Written as HTML by hand, rather than made by Markdown. */
  raw: boolean;
}

/** The elements of a Markdown file, with their lines, hand-written HTML parsed as the build parses it. */
function elementsOf(text: string): Found[] {
  const tree = markdownToHast(text, {
    features: { gfm: true, smartPunctuation: true, ...markdownFeatures },
    position: true,
  });
  const found: Found[] = [];
  const visit = (
    node: { type: string; children?: unknown[]; position?: { start: { line: number } } },
    line?: number,
  ) => {
    const here = node.position?.start.line ?? line;
    if (node.type === 'raw') {
      const value = (node as unknown as { value: string }).value;
      const fragment = htmlToHast(value, { fragment: true }) as unknown as Root;
      // The parsed fragment has no positions: each element's line is where its tag first appears after the last one.
      let cursor = 0;
      const inRaw = (child: { type: string; tagName?: string; children?: unknown[] }) => {
        if (child.type === 'element' && child.tagName) {
          const at = value.toLowerCase().indexOf(`<${child.tagName}`, cursor);
          if (at >= 0) cursor = at + 1;
          const lines = at >= 0 ? value.slice(0, at).split('\n').length - 1 : 0;
          found.push({ node: child as Element, line: here === undefined ? undefined : here + lines, raw: true });
        }
        for (const grandchild of (child.children ?? []) as (typeof child)[]) inRaw(grandchild);
      };
      for (const child of fragment.children) inRaw(child as never);
      return;
    }
    if (node.type === 'element') found.push({ node: node as unknown as Element, line: here, raw: false });
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child, here);
  };
  visit(tree as never);
  return found;
}

/** The attributes the allowlist keeps on an element, found by sanitising a childless copy of it. */
function keptAttributes(element: Element): Set<string> {
  const copy: Element = { ...element, children: [] };
  const needsTable = contentSchema.ancestors?.[element.tagName]?.includes('table');
  const root: Root = {
    type: 'root',
    children: [needsTable ? { type: 'element', tagName: 'table', properties: {}, children: [copy] } : copy],
  };
  const clean = sanitiseTree(root).children[0] as Element | undefined;
  const kept = needsTable ? (clean?.children[0] as Element | undefined) : clean;
  return new Set(Object.keys(kept?.properties ?? {}));
}

const HTML_FIX =
  'Write it in Markdown instead: **bold**, [link text](https://…), ![What it shows](./image.png), | tables |. Anything else is removed when the site is built.';

/** Elements, attributes and addresses in a Markdown file that the allowlist would remove. */
function markupProblems(absolute: string, site: Site, file: string, problems: Problem[]): void {
  const { contentDir } = site;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(absolute));
  } catch {
    return; // read-content reports text that is not UTF-8.
  }
  for (const { node, line, raw } of elementsOf(text)) {
    const tag = node.tagName;
    const props = node.properties ?? {};
    if (raw && !allowedElements.has(tag)) {
      problems.push({
        severity: 'error',
        file,
        line,
        message: strippedElements.has(tag)
          ? `The HTML element <${tag}> is not allowed in content: it could run code or bring in another site’s page, so it is removed with everything inside it.`
          : `The HTML element <${tag}> is not allowed in content, so it is removed (its words are kept).`,
        expected: 'Markdown, or the plain HTML the site allows (such as <abbr>, <sub>, <sup>, <details>)',
        fix: HTML_FIX,
      });
      continue;
    }
    // An element removed for its address is reported once, for the address: its other attributes go
    // with it, and telling an editor to remove an image's alt text would be wrong advice.
    let removedForAddress = false;
    const address = tag === 'img' ? props.src : props.href;
    const computer = typeof address === 'string' ? computerAddressProblem(address, site.siteUrl) : undefined;
    if (computer) {
      const written = String(address);
      const onSite = sitePath(written);
      problems.push({
        severity: 'error',
        file,
        line,
        message: `The ${tag === 'img' ? 'image' : 'link'} address ${written} ${computer}.`,
        expected: `an address on this site written from its first /, such as ${onSite}`,
        fix: `Write ${onSite} instead of ${written}.`,
        suggestion: onSite,
      });
      continue;
    }
    if (tag === 'img') {
      const src = String(props.src ?? '');
      const outside = contentImageFile(src, absolute);
      if (!safeImage(src) || (outside && !resolvesInside(outside, contentDir))) {
        removedForAddress = true;
        problems.push({
          severity: 'error',
          file,
          line,
          message: `The image ${src ? shownAddress(src) : '(with no address)'} is not one of the site’s own files, so it is not published: another site’s image tells that site who reads the page, and a file outside the content folder is not content.`,
          expected: IMAGE_ADVICE,
          fix: 'Save the image in the content folder, next to the Markdown file, and link to it as ./name.png.',
        });
      }
    }
    if (typeof props.href === 'string' && !safeLink(props.href)) {
      removedForAddress = true;
      problems.push({
        severity: 'error',
        file,
        line,
        message: `The link address ${JSON.stringify(props.href)} is not allowed: it could run code, open something other than a web page or hide where it leads (a name and @ before the site), so the link is removed (its words are kept).`,
        expected: LINK_ADVICE,
        fix: 'Link to the web page itself, starting https://.',
      });
    }
    if (!raw || removedForAddress) continue;
    const kept = keptAttributes(node);
    const removed = Object.keys(props).filter((key) => !kept.has(key) && key !== 'href' && key !== 'src');
    if (removed.length) {
      const names = removed.map((key) => `\`${attributeName(key)}\``).join(', ');
      problems.push({
        severity: 'error',
        file,
        line,
        message: `The HTML element <${tag}> has ${removed.length === 1 ? 'an attribute' : 'attributes'} the site does not publish: ${names}. Scripts, styles and form settings are removed from content.`,
        expected: `<${tag}> with only plain attributes such as title, or Markdown`,
        fix: `Remove ${names} from the <${tag}> tag. ${HTML_FIX}`,
      });
    }
  }
}

/**
 * An address for a message: with its invisible characters written out (`\t`), and where a browser takes it
 * when that is not what it looks like (`/\t/evil.example/x.png` is https://evil.example/x.png).
 */
function shownAddress(address: string): string {
  // eslint-disable-next-line no-control-regex -- the characters an editor cannot see in the message.
  const shown = /[\u0000-\u001f\u007f]/.test(address) ? JSON.stringify(address) : address;
  const read = readAddress(address);
  return read && !read.own && read.url.href !== address ? `${shown} (a browser reads it as ${read.url.href})` : shown;
}

/** hast's property name as written in HTML: `onClick` => `onclick`, `dataFootnoteRef` => `data-footnote-ref`. */
function attributeName(key: string): string {
  if (key === 'className') return 'class';
  if (key === 'htmlFor') return 'for';
  if (key.startsWith('data')) return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return key.toLowerCase().replace(/^aria/, 'aria-').replace(/^http/, 'http-');
}

/**
 * Whether the content check may read a file: one that links out of the content folder, or is over its
 * size limit, is reported by `safetyRules` and not read at all, so nothing outside the folder is ever
 * read or printed and a huge file costs nothing.
 */
export function safeToRead(absolute: string, contentDir: string): boolean {
  if (!resolvesInside(absolute, contentDir)) return false;
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  return !stat || stat.size <= limitFor(path.basename(absolute)).bytes;
}
