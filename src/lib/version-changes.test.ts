import { describe, expect, it } from 'vitest';
import type { SectionClauses } from './clause-map.ts';
import type { Clause } from './clause-model.ts';
import { changesAnchor, changesBySection, countChanges, describeCounts } from './version-changes.ts';

const clause = (id: string, number: string): Clause => ({ id, number, title: id, aliases: [], blocks: [] });
const section = (version: string, n: number, slug: string, clauses: Clause[]): SectionClauses => ({
  version,
  section: n,
  slug,
  title: slug,
  clauses,
});
const sections = [
  section('2014', 1, 'about', [clause('clause-a', '1.1')]),
  section('2014', 6, 'dropped', [clause('clause-d', '6.1')]),
  section('2019', 1, 'about', [clause('clause-a', '1.1'), clause('clause-b', '1.2')]),
  section('2019', 3, 'fresh', [clause('clause-f', '3.1')]),
];

describe('changes by section', () => {
  it('groups each change under its section, marking new and removed sections, in section order', () => {
    const groups = changesBySection(sections, '2014', '2019');
    expect(groups.map((g) => `${g.section} ${g.slug} ${g.status}`)).toEqual([
      '1 about kept',
      '3 fresh new',
      '6 dropped removed',
    ]);
    expect(groups[0].added.map((l) => l.clause.id)).toEqual(['clause-b']);
    expect(groups[0].unchanged.map((p) => p.after.clause.id)).toEqual(['clause-a']);
    expect(groups[2].removed.map((l) => l.clause.id)).toEqual(['clause-d']);
  });

  it('counts and describes the changes', () => {
    const counts = countChanges(changesBySection(sections, '2014', '2019'));
    expect(counts).toEqual({ added: 2, removed: 1, renumbered: 0, changed: 0, unchanged: 1 });
    expect(describeCounts({ ...counts, added: 1 })).toBe(
      '1 clause added, 1 removed, 0 renumbered, 0 changed and 1 unchanged.',
    );
  });

  it('names the anchor of a section on the changes page', () => {
    expect(changesAnchor('the-persons-journey')).toBe('changes-the-persons-journey');
  });
});
