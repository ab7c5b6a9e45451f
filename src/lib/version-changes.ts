import {
  compareVersions,
  type ClauseLocation,
  type ClausePair,
  type SectionClauses,
  type VersionChanges,
} from './clause-map.ts';

/** The changes to one section between two versions. */
export interface SectionChanges extends VersionChanges {
  slug: string;
  /** The section's number and title in the newer version, or the older one if it was removed. */
  section: number;
  title: string;
  /** `new`: only in the newer version; `removed`: only in the older; `kept`: in both. */
  status: 'new' | 'removed' | 'kept';
}

/**
 * The id of a section's part of a changes page.
 * @example changesAnchor('the-persons-journey') // => 'changes-the-persons-journey'
 */
export function changesAnchor(slug: string): string {
  return `changes-${slug}`;
}

/**
 * What changed between two versions, section by section in section order.
 * @example changesBySection(sections, '2014', '2019')[0] // => { slug: 'about-this-specification', status: 'kept', changed: [ … ], … }
 */
export function changesBySection(sections: readonly SectionClauses[], older: string, newer: string): SectionChanges[] {
  const all = compareVersions(sections, older, newer);
  const groups = new Map<string, SectionChanges>();
  const inVersion = (version: string) => sections.filter((s) => s.version === version);
  for (const s of inVersion(newer)) {
    const kept = inVersion(older).some((o) => o.slug === s.slug);
    groups.set(s.slug, { ...empty(), slug: s.slug, section: s.section, title: s.title, status: kept ? 'kept' : 'new' });
  }
  for (const s of inVersion(older)) {
    if (!groups.has(s.slug)) {
      groups.set(s.slug, { ...empty(), slug: s.slug, section: s.section, title: s.title, status: 'removed' });
    }
  }
  const at = (location: ClauseLocation) => groups.get(location.slug);
  const after = (pair: ClausePair) => at(pair.after);
  for (const location of all.added) at(location)?.added.push(location);
  for (const location of all.removed) at(location)?.removed.push(location);
  for (const pair of all.renumbered) after(pair)?.renumbered.push(pair);
  for (const pair of all.changed) after(pair)?.changed.push(pair);
  for (const pair of all.unchanged) after(pair)?.unchanged.push(pair);
  return [...groups.values()].sort((a, b) => a.section - b.section || a.status.localeCompare(b.status));
}

function empty(): VersionChanges {
  return { added: [], removed: [], renumbered: [], changed: [], unchanged: [] };
}

/** How many clauses each kind of change touched. */
export interface ChangeCounts {
  added: number;
  removed: number;
  renumbered: number;
  changed: number;
  unchanged: number;
}

/**
 * Counts the changes of a version, over all its sections.
 * @example countChanges(changesBySection(sections, '2014', '2019')) // => { added: 26, removed: 4, renumbered: 1, changed: 12, unchanged: 5 }
 */
export function countChanges(groups: readonly VersionChanges[]): ChangeCounts {
  const count = (key: keyof VersionChanges) => groups.reduce((sum, group) => sum + group[key].length, 0);
  return {
    added: count('added'),
    removed: count('removed'),
    renumbered: count('renumbered'),
    changed: count('changed'),
    unchanged: count('unchanged'),
  };
}

/**
 * The counts in one sentence.
 * @example describeCounts({ added: 26, removed: 4, renumbered: 1, changed: 12, unchanged: 5 })
 * // => '26 clauses added, 4 removed, 1 renumbered, 12 changed and 5 unchanged.'
 */
export function describeCounts(counts: ChangeCounts): string {
  const parts = [
    `${counts.added} ${counts.added === 1 ? 'clause' : 'clauses'} added`,
    `${counts.removed} removed`,
    `${counts.renumbered} renumbered`,
    `${counts.changed} changed`,
  ];
  return `${parts.join(', ')} and ${counts.unchanged} unchanged.`;
}
