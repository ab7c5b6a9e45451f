import type { Clause } from './clause-model.ts';
import { clauseAnchor, isClauseId } from './clauses.ts';

/** One section of one version with its clauses: what cross-version mapping needs. */
export interface SectionClauses {
  version: string;
  section: number;
  /** The section's URL name, shared by every version that has the section. */
  slug: string;
  title: string;
  clauses: Clause[];
  /** Where the section comes from, for error messages. */
  file?: string;
}

/** Where a clause is in one version. */
export interface ClauseLocation {
  version: string;
  section: number;
  slug: string;
  clause: Clause;
}

/** A number anchor on this page that named a different clause in another version. */
export interface NumberReuse {
  version: string;
  number: string;
  title: string;
  /** The clause that had the number then. */
  id: string;
  /** Where that clause is in the version being read; missing when it was removed. */
  now?: ClauseLocation;
}

/** What a page adds at one clause: anchors from other versions, and numbers that once meant something else. */
export interface ClauseAnchors {
  aliases: string[];
  reused: NumberReuse[];
}

/** A clause in two versions. */
export interface ClausePair {
  before: ClauseLocation;
  after: ClauseLocation;
}

/** What changed between two versions, clause by clause. */
export interface VersionChanges {
  /** In the newer version only, in its order. */
  added: ClauseLocation[];
  /** In the older version only, in its order. */
  removed: ClauseLocation[];
  /** A different number (or section) in the newer version. */
  renumbered: ClausePair[];
  /** A different title or different words. */
  changed: ClausePair[];
  /** The same title and words (a renumbered clause can be unchanged). */
  unchanged: ClausePair[];
}

const byOrder = (a: SectionClauses, b: SectionClauses) => a.section - b.section;
const indexCache = new WeakMap<readonly SectionClauses[], Map<string, Map<string, ClauseLocation>>>();

/**
 * Every clause of a version by its id. The result is kept for the same list of sections, so the list must not change.
 * @example clausesById(sections, '2019').get('clause-screening')?.clause.number // => '5.2'
 */
export function clausesById(sections: readonly SectionClauses[], version: string): Map<string, ClauseLocation> {
  // Every section page asks for every clause: index each list of sections once per version, not once per question.
  const byVersion = indexCache.get(sections) ?? new Map<string, Map<string, ClauseLocation>>();
  indexCache.set(sections, byVersion);
  const known = byVersion.get(version);
  if (known) return known;
  const found = new Map<string, ClauseLocation>();
  byVersion.set(version, found);
  for (const section of sections.filter((s) => s.version === version).sort(byOrder)) {
    for (const clause of section.clauses) {
      if (!found.has(clause.id))
        found.set(clause.id, { version, section: section.section, slug: section.slug, clause });
    }
  }
  return found;
}

/**
 * Where a clause of one version is in another: the same id, wherever its section now is.
 * @example locateClause(sections, 'clause-governance', '2019') // => { version: '2019', slug: 'governance-and-commissioning', clause: { number: '13.4', … } }
 */
export function locateClause(
  sections: readonly SectionClauses[],
  id: string,
  version: string,
): ClauseLocation | undefined {
  return clausesById(sections, version).get(id);
}

/**
 * The anchors a section page adds at each clause, keyed by clause id: the numbers the same clause
 * had on this page in other versions (nearest version first), unless a clause of this version
 * already uses that anchor; and, where an older version gave a number of this page to another
 * clause, a note of what the number used to mean.
 * @example pageAnchors(sections, '2019', 'governance-and-commissioning').get('clause-local-context')?.reused[0]
 * // => { version: '2014', number: '13.1', title: 'Governance and costing', id: 'clause-governance', now: { … number: '13.4' } }
 */
export function pageAnchors(
  sections: readonly SectionClauses[],
  version: string,
  slug: string,
): Map<string, ClauseAnchors> {
  const result = new Map<string, ClauseAnchors>();
  const page = sections.find((s) => s.version === version && s.slug === slug);
  if (!page) return result;
  for (const clause of page.clauses) result.set(clause.id, { aliases: [], reused: [] });
  const taken = new Set(page.clauses.flatMap((c) => [c.id, ...c.aliases, clauseAnchor(c.number)]));
  const byNumber = new Map(page.clauses.map((c) => [clauseAnchor(c.number), c]));
  const here = clausesById(sections, version);
  const others = [...new Set(sections.map((s) => s.version))]
    .filter((v) => v !== version)
    .sort(
      (a, b) => Math.abs(Number(a) - Number(version)) - Math.abs(Number(b) - Number(version)) || b.localeCompare(a),
    );
  for (const other of others) {
    for (const section of sections.filter((s) => s.version === other && s.slug === slug)) {
      for (const then of section.clauses) {
        const anchor = clauseAnchor(then.number);
        const same = result.get(then.id);
        if (same) {
          for (const alias of [anchor, ...then.aliases]) {
            if (taken.has(alias)) continue;
            taken.add(alias);
            same.aliases.push(alias);
          }
        }
        // Only older versions: a number "used to mean" something; a newer version's numbering is not history here.
        const holder = Number(other) < Number(version) ? byNumber.get(anchor) : undefined;
        if (holder && holder.id !== then.id) {
          result.get(holder.id)?.reused.push({
            version: other,
            number: then.number,
            title: then.title,
            id: then.id,
            now: here.get(then.id),
          });
        }
      }
    }
  }
  return result;
}

const sameWords = (a: Clause, b: Clause) =>
  a.title === b.title &&
  a.blocks.length === b.blocks.length &&
  a.blocks.every((block, i) => block.kind === b.blocks[i].kind && block.text === b.blocks[i].text);

/**
 * Compares two versions clause by clause, matching clauses by id, not by number or title.
 * @example compareVersions(sections, '2014', '2019').renumbered[0] // => { before: { clause: { number: '13.1' } }, after: { clause: { number: '13.4' } } }
 */
export function compareVersions(sections: readonly SectionClauses[], older: string, newer: string): VersionChanges {
  const before = clausesById(sections, older);
  const after = clausesById(sections, newer);
  const changes: VersionChanges = { added: [], removed: [], renumbered: [], changed: [], unchanged: [] };
  for (const [id, location] of after) {
    const was = before.get(id);
    if (!was) {
      changes.added.push(location);
      continue;
    }
    const pair = { before: was, after: location };
    if (was.clause.number !== location.clause.number || was.slug !== location.slug) changes.renumbered.push(pair);
    (sameWords(was.clause, location.clause) ? changes.unchanged : changes.changed).push(pair);
  }
  for (const [id, location] of before) if (!after.has(id)) changes.removed.push(location);
  return changes;
}

/**
 * What is wrong with the clauses of the specification, one sentence per problem, naming the file:
 * ids that are not clause ids, ids used twice in a version, and aliases that name another clause.
 * @example clauseProblems([{ version: '2019', file: '05.md', clauses: [{ id: 'Screening', … }] }])
 * // => ['05.md: clause 5.2 has the id "Screening". …']
 */
export function clauseProblems(sections: readonly SectionClauses[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const section of [...sections].sort(byOrder)) {
    const where = section.file ?? `${section.version}/${section.slug}`;
    const onPage = new Map<string, string>();
    for (const clause of section.clauses) {
      if (!isClauseId(clause.id)) {
        problems.push(
          `${where}: clause ${clause.number} has the id "${clause.id}". A clause id starts with "clause-" and has only lower-case letters, numbers and hyphens: write the heading as "## ${clause.number} ${clause.title} {#clause-${clause.title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '')}}".`,
        );
      }
      const key = `${section.version} ${clause.id}`;
      const first = seen.get(key);
      if (first) {
        problems.push(
          `${where}: clause ${clause.number} has the id "${clause.id}", which ${first} already uses in the ${section.version} version. Give each clause of a version its own id.`,
        );
      } else seen.set(key, `clause ${clause.number} (${where})`);
      for (const anchor of new Set([clause.id, ...clause.aliases])) {
        const owner = onPage.get(anchor);
        if (owner) {
          problems.push(
            `${where}: clauses ${owner} and ${clause.number} both use the anchor "${anchor}". Give them different numbers and ids, and list an alias in \`data-aliases\` on one clause only.`,
          );
        } else onPage.set(anchor, clause.number);
      }
    }
  }
  return problems;
}
