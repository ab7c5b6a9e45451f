import { getCollection, type CollectionEntry } from 'astro:content';
import { clauseProblems, type SectionClauses } from './clause-map.ts';
import { sectionMarkup, type SectionMarkup } from './clause-model.ts';
import { getSpecification, type Section } from './collections.ts';
import { entryHtml } from './render.ts';
import type { OfficialDocument } from './specification-standing.ts';
import { sectionSlug } from './specification.ts';
import { userError } from './user-error.ts';
import { versionRules } from '../content-rules/content-rules.ts';
import { formatProblem } from '../content-rules/problems.ts';

export type VersionInfo = CollectionEntry<'specificationVersions'>['data'];

/** Every version of the specification with its clauses: what version, history and changes pages need. */
export interface SpecificationVersions {
  sections: Section[];
  /** Version names, newest first. */
  versions: string[];
  current: string;
  pathOf: (section: Section) => string;
  /** Each version's title, date and status, by name. */
  info: Map<string, VersionInfo>;
  /** Every section of every version with its clauses, for cross-version mapping. */
  clauses: SectionClauses[];
  /** Each section's markup cut at its clauses, by section entry id. */
  markup: Map<string, SectionMarkup>;
  /** The version before this one, if any. */
  previous: (version: string) => string | undefined;
  /** The official document each version is or summarises, with its address where `data/sources.yaml` has one. */
  official: (version: string) => OfficialDocument;
}

async function load(): Promise<SpecificationVersions> {
  const { sections, versions, current, pathOf } = await getSpecification();
  const info = new Map((await getCollection('specificationVersions')).map((entry) => [entry.id, entry.data]));
  const markup = new Map<string, SectionMarkup>();
  const clauses: SectionClauses[] = [];
  for (const section of sections) {
    const parts = sectionMarkup(await entryHtml(section));
    markup.set(section.id, parts);
    clauses.push({
      version: section.data.version,
      section: section.data.section,
      slug: sectionSlug(section.id),
      title: section.data.title,
      clauses: parts.clauses.map((part) => part.clause),
      file: section.filePath ?? `specification/${section.id}`,
    });
  }
  // The same rules `npm run check` reports with file and line; checked here too for a bare `astro build`.
  const problems = [
    ...versionRules(
      sections.map((s) => ({ file: s.filePath ?? `specification/${s.id}`, version: s.data.version, id: s.id })),
      [...info.values()].map((v) => ({ id: v.id, status: v.status, file: 'data/specification-versions.yaml' })),
    ).map(formatProblem),
    ...clauseProblems(clauses),
  ];
  if (problems.length) {
    throw userError(
      `The service specification has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
      `Files are in the content folder (CONTENT_DIR). Each clause heading can pin its id: "## 5.2 First check {#clause-screening}".`,
    );
  }
  const previous = (version: string) => versions[versions.indexOf(version) + 1];
  const sources = new Map((await getCollection('sources')).map((entry) => [entry.id, entry.data]));
  const official = (version: string): OfficialDocument => {
    const v = info.get(version);
    if (!v) return { version, title: `service specification ${version}`, published: new Date(0) };
    const { title, publisher, published, note } = v;
    return { version, title, publisher, published, note, url: v.source ? sources.get(v.source)?.url : undefined };
  };
  return { sections, versions, current, pathOf, info, clauses, markup, previous, official };
}

let cached: Promise<SpecificationVersions> | undefined;

/**
 * Every version of the specification, checked and parsed once per build (afresh on each request in `astro dev`).
 * @example const { current, info } = await getSpecificationVersions(); info.get(current)?.title // => 'Liaison and Diversion Standard Service Specification 2019'
 */
export function getSpecificationVersions(): Promise<SpecificationVersions> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
