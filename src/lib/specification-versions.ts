import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import { clauseProblems, type SectionClauses } from './clause-map.ts';
import { sectionMarkup, type SectionMarkup } from './clause-model.ts';
import { getSpecification, type Section } from './collections.ts';
import { sectionHtml } from './section-html.ts';
import { RESERVED_SLUGS } from './specification-urls.ts';
import { sectionSlug } from './specification.ts';

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
}

const VERSIONS_FILE = 'data/specification-versions.yaml';

/** Checks that content and version data agree; every problem is one sentence naming the file to fix. */
function versionProblems(sections: Section[], versions: string[], info: Map<string, VersionInfo>): string[] {
  const problems: string[] = [];
  for (const version of versions) {
    if (!info.has(version)) {
      problems.push(
        `specification/${version}/ has sections, but ${VERSIONS_FILE} has no version with id "${version}". Add one with its title, published date and status.`,
      );
    }
  }
  for (const id of info.keys()) {
    if (!versions.includes(id)) {
      problems.push(
        `${VERSIONS_FILE} lists version "${id}", but no section has \`version: "${id}"\`. Add its sections under specification/${id}/ or remove the item.`,
      );
    }
  }
  const currents = [...info.values()].filter((v) => v.status === 'current').map((v) => v.id);
  if (currents.length !== 1 || (versions[0] && currents[0] !== versions[0])) {
    problems.push(
      `${VERSIONS_FILE} must mark exactly one version \`status: current\`, the newest ("${versions[0]}"); it marks ${currents.length ? currents.map((c) => `"${c}"`).join(' and ') : 'none'}. Mark the others \`superseded\`.`,
    );
  }
  for (const section of sections) {
    const slug = sectionSlug(section.id);
    if (RESERVED_SLUGS.includes(slug) || /^\d{4}$/.test(slug)) {
      problems.push(
        `${section.filePath ?? `specification/${section.id}`}: a section cannot be named "${slug}", because /specification/<version>/${slug}/ is used by another page. Rename the file.`,
      );
    }
  }
  return problems;
}

async function load(): Promise<SpecificationVersions> {
  const { sections, versions, current, pathOf } = await getSpecification();
  const info = new Map((await getCollection('specificationVersions')).map((entry) => [entry.id, entry.data]));
  const markup = new Map<string, SectionMarkup>();
  const clauses: SectionClauses[] = [];
  for (const section of sections) {
    const parts = sectionMarkup(await sectionHtml(section));
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
  const problems = [...versionProblems(sections, versions, info), ...clauseProblems(clauses)];
  if (problems.length) {
    const error = new AstroError(
      `The service specification has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
      `Files are in the content folder (CONTENT_DIR). Each clause heading can pin its id: "## 5.2 First check {#clause-screening}".`,
    );
    // The problems name the files to fix; a stack trace into the build would only hide them.
    error.stack = '';
    throw error;
  }
  const previous = (version: string) => versions[versions.indexOf(version) + 1];
  return { sections, versions, current, pathOf, info, clauses, markup, previous };
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
