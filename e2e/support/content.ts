import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The frontmatter of a Markdown or MDX file, read on its own so tests know what the site should show
 * without asking the code under test. Dates stay as `YYYY-MM-DD` strings (YAML 1.2).
 * @example frontmatter('content/bulletins/2015-05.md').title // => 'Liaison and Diversion Bulletin: May 2015'
 */
export function frontmatter(file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file} has no frontmatter.`);
  return parse(match[1]) as Record<string, unknown>;
}

/** A bulletin issue as the content folder describes it. */
export interface IssueFacts {
  id: string;
  title: string;
  date: string;
}

/**
 * The issues a production build publishes: not drafts, not dated after the build day; newest first.
 * @example publishedIssues('content', '2026-01-01') // => [{ id: '2015-05', title: '…', date: '2015-05-27' }]
 */
export function publishedIssues(contentDir: string, buildDay: string): IssueFacts[] {
  const folder = path.join(contentDir, 'bulletins');
  return fs
    .readdirSync(folder)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => ({ id: name.replace(/\.mdx?$/, ''), data: frontmatter(path.join(folder, name)) }))
    .filter(({ data }) => data.draft !== true && String(data.date) <= buildDay)
    .map(({ id, data }) => ({ id, title: String(data.title), date: String(data.date) }))
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

/**
 * A specification version's title and published day, from `data/specification-versions.yaml`.
 * @example versionFacts('content', '2019') // => { title: 'Liaison and Diversion Standard Service Specification 2019', published: '2019-11-20' }
 */
export function versionFacts(contentDir: string, version: string): { title: string; published: string } {
  const items = parse(fs.readFileSync(path.join(contentDir, 'data', 'specification-versions.yaml'), 'utf8')) as {
    id: string;
    title: string;
    published: string;
  }[];
  const item = items.find((entry) => String(entry.id) === version);
  if (!item) throw new Error(`data/specification-versions.yaml has no version "${version}".`);
  return { title: item.title, published: String(item.published) };
}

/** One section of a specification version, as its file describes it. */
export interface SectionFacts {
  number: number;
  title: string;
  slug: string;
}

/**
 * The newest specification version in a content folder and its sections in order.
 * @example currentSpecification('content') // => { version: '2019', sections: [{ number: 1, title: 'About this specification', slug: 'about-this-specification' }, …] }
 */
export function currentSpecification(contentDir: string): { version: string; sections: SectionFacts[] } {
  const folder = path.join(contentDir, 'specification');
  const version = fs
    .readdirSync(folder)
    .filter((name) => /^\d{4}$/.test(name))
    .sort()
    .at(-1);
  if (!version) throw new Error(`${folder} holds no specification version.`);
  const sections = fs
    .readdirSync(path.join(folder, version))
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => {
      const data = frontmatter(path.join(folder, version, name));
      return { number: Number(data.section), title: String(data.title), slug: name.replace(/^\d+-|\.mdx?$/g, '') };
    })
    .sort((a, b) => a.number - b.number);
  return { version, sections };
}
