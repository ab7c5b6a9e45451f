/**
 * What a CMS made of a pasted clipboard fixture (bench/cms-compare.ts): the Markdown it saved, compared with
 * e2e/fixtures/clipboard/expected.md by meaning (as e2e/cms-paste.test.ts compares), and what of the
 * fixture's structure it kept and what office junk it left, in words for the table in bench/README.md.
 */
import type { List, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

const parse = (markdown: string) =>
  fromMarkdown(markdown.replace(/\ufeff/g, ''), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Root;

/** What Markdown says, not how it is spelt: `*` or `-` bullets, blank lines in lists, column padding. */
export function meaning(markdown: string): unknown {
  return JSON.parse(
    JSON.stringify(parse(markdown), (key, value) =>
      key === 'position' || key === 'spread' || key === 'align' ? undefined : value,
    ),
  );
}

function all(node: Nodes, out: Nodes[] = []): Nodes[] {
  out.push(node);
  if ('children' in node) for (const child of node.children) all(child as Nodes, out);
  return out;
}

export interface Score {
  /** The saved Markdown means what expected.md means. */
  same: boolean;
  kept: string[];
  lost: string[];
  junk: string[];
}

/** The fixture's parts, each kept or lost, and the junk found, in the saved Markdown. */
export function score(markdown: string, expected: string): Score {
  const nodes = all(parse(markdown));
  const has = (test: (n: Nodes) => boolean) => nodes.some(test);
  const nestedList = (ordered: boolean) =>
    has(
      (n) => n.type === 'list' && (n as List).ordered === ordered && all(n).some((c) => c !== n && c.type === 'list'),
    );
  const table = nodes.find((n): n is Table => n.type === 'table');
  const parts: [string, boolean][] = [
    [
      'headings',
      has((n) => n.type === 'heading' && n.depth === 2) && has((n) => n.type === 'heading' && n.depth === 3),
    ],
    ['bold', has((n) => n.type === 'strong')],
    ['italic', has((n) => n.type === 'emphasis')],
    ['link', has((n) => n.type === 'link' && n.url === 'https://www.example.org/synthetic-report')],
    ['nested bulleted list', nestedList(false)],
    ['nested numbered list', nestedList(true)],
    ['table', table !== undefined && table.children.length === 2 && table.children[0].children.length === 3],
  ];
  const junk: string[] = [];
  const count = (re: RegExp) => (markdown.match(re) ?? []).length;
  if (count(/·/g)) junk.push(`${count(/·/g)} "·" markers`);
  if (count(/^\s*o\s/gm)) junk.push(`${count(/^\s*o\s/gm)} "o" markers`);
  if (count(/^\s*(?:\d+|[a-z])\.\s{2,}/gm)) junk.push(`${count(/^\s*(?:\d+|[a-z])\.\s{2,}/gm)} typed list numbers`);
  if (count(/\\/g)) junk.push(`${count(/\\/g)} backslashes`);
  if (count(/mso-/g)) junk.push('mso- styles');
  if (count(/<[a-z!/]/gi)) junk.push(`${count(/<[a-z!/]/gi)} HTML tags`);
  if (count(/\u00a0|&nbsp;/g)) junk.push(`${count(/\u00a0|&nbsp;/g)} non-breaking spaces`);
  return {
    same: JSON.stringify(meaning(markdown)) === JSON.stringify(meaning(expected)),
    kept: parts.filter(([, ok]) => ok).map(([name]) => name),
    lost: parts.filter(([, ok]) => !ok).map(([name]) => name),
    junk,
  };
}
