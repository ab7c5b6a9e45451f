import { describe, expect, it } from 'vitest';
import {
  clauseProblems,
  clausesById,
  compareVersions,
  locateClause,
  pageAnchors,
  type SectionClauses,
} from './clause-map.ts';
import type { Clause } from './clause-model.ts';

// A synthetic specification in two versions: renumbering, a clash, a move between sections, additions and removals.
const clause = (id: string, number: string, title: string, text = title): Clause => ({
  id,
  number,
  title,
  aliases: [`clause-${number.replace('.', '-')}`],
  blocks: [{ kind: 'p', text }],
});
const sections: SectionClauses[] = [
  {
    version: '2014',
    section: 5,
    slug: 'journey',
    title: 'Journey',
    clauses: [
      clause('clause-screening', '5.2', 'Screening'),
      clause('clause-assessment', '5.3', 'Assessment', 'Old words.'),
      clause('clause-referral', '5.4', 'Referral'),
    ],
  },
  {
    version: '2014',
    section: 13,
    slug: 'governance',
    title: 'Governance',
    clauses: [
      clause('clause-governance', '13.1', 'Governance and costing'),
      clause('clause-equality', '13.2', 'Equality'),
      clause('clause-courts', '13.3', 'Courts'),
    ],
  },
  {
    version: '2019',
    section: 5,
    slug: 'journey',
    title: 'Journey',
    clauses: [
      clause('clause-identification', '5.1', 'Identification'),
      clause('clause-screening', '5.2', 'Screening'),
      clause('clause-assessment', '5.4', 'Assessment', 'New words.'),
      clause('clause-courts', '5.5', 'Courts'),
    ],
  },
  {
    version: '2019',
    section: 13,
    slug: 'governance',
    title: 'Governance',
    clauses: [
      clause('clause-local-context', '13.1', 'Local context'),
      clause('clause-governance', '13.4', 'Governance'),
    ],
  },
];
const numbers = (list: { clause: Clause }[]) => list.map((l) => l.clause.number);
const pairs = (list: { before: { clause: Clause }; after: { clause: Clause } }[]) =>
  list.map((p) => `${p.before.clause.number}>${p.after.clause.number}`);

describe('clauses across versions', () => {
  it('finds a clause by its id in any version, whatever its number or section there', () => {
    expect(clausesById(sections, '2019').get('clause-screening')?.clause.number).toBe('5.2');
    expect(locateClause(sections, 'clause-governance', '2019')).toMatchObject({ slug: 'governance', section: 13 });
    expect(locateClause(sections, 'clause-courts', '2019')).toMatchObject({
      slug: 'journey',
      clause: { number: '5.5' },
    });
    expect(locateClause(sections, 'clause-referral', '2019')).toBeUndefined();
  });

  it('keeps a renumbered clause reachable at its old number when no clause of this version uses it', () => {
    const anchors = pageAnchors(sections, '2019', 'journey');
    expect(anchors.get('clause-assessment')?.aliases).toEqual(['clause-5-3']);
    expect(anchors.get('clause-screening')?.aliases).toEqual([]);
  });

  it('gives an old number to the clause that has it now, and notes what it used to mean', () => {
    const anchors = pageAnchors(sections, '2019', 'governance');
    expect(anchors.get('clause-governance')).toEqual({ aliases: [], reused: [] });
    expect(anchors.get('clause-local-context')?.reused).toEqual([
      {
        version: '2014',
        number: '13.1',
        title: 'Governance and costing',
        id: 'clause-governance',
        now: expect.objectContaining({ version: '2019', slug: 'governance', section: 13 }),
      },
    ]);
  });

  it('notes a number that meant a removed clause, without a place to go now', () => {
    const journey2014 = [...sections, { ...sections[2], clauses: [clause('clause-new', '5.4', 'New')] }].filter(
      (s, i) => i !== 2,
    );
    expect(pageAnchors(journey2014, '2019', 'journey').get('clause-new')?.reused).toEqual([
      { version: '2014', number: '5.4', title: 'Referral', id: 'clause-referral', now: undefined },
    ]);
  });

  it('adds newer numbers as aliases on older pages, but notes only what older versions meant', () => {
    const anchors = pageAnchors(sections, '2014', 'governance');
    expect(anchors.get('clause-governance')).toEqual({ aliases: ['clause-13-4'], reused: [] });
  });

  it('sorts every clause into added, removed, renumbered, changed and unchanged by id', () => {
    const changes = compareVersions(sections, '2014', '2019');
    expect(numbers(changes.added)).toEqual(['5.1', '13.1']);
    expect(numbers(changes.removed)).toEqual(['5.4', '13.2']);
    expect(pairs(changes.renumbered)).toEqual(['5.3>5.4', '13.3>5.5', '13.1>13.4']);
    expect(pairs(changes.changed)).toEqual(['5.3>5.4', '13.1>13.4']);
    expect(pairs(changes.unchanged)).toEqual(['5.2>5.2', '13.3>5.5']);
  });

  it('names the file and the fix for bad ids, ids used twice and anchors two clauses claim', () => {
    const bad: SectionClauses[] = [
      {
        version: '2019',
        section: 5,
        slug: 'journey',
        title: 'Journey',
        file: 'specification/2019/05-journey.md',
        clauses: [
          clause('Screening', '5.2', 'First check'),
          clause('clause-x', '5.3', 'A'),
          clause('clause-x', '5.3', 'B'),
        ],
      },
    ];
    const problems = clauseProblems(bad);
    expect(problems[0]).toBe(
      'specification/2019/05-journey.md: clause 5.2 has the id "Screening". A clause id starts with "clause-" and has only lower-case letters, numbers and hyphens: write the heading as "## 5.2 First check {#clause-first-check}".',
    );
    expect(problems).toContain(
      'specification/2019/05-journey.md: clause 5.3 has the id "clause-x", which clause 5.3 (specification/2019/05-journey.md) already uses in the 2019 version. Give each clause of a version its own id.',
    );
    expect(problems.some((p) => p.includes('both use the anchor "clause-5-3"'))).toBe(true);
    expect(clauseProblems(sections)).toEqual([]);
  });
});
