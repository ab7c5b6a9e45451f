import fs from 'node:fs';
import path from 'node:path';
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { clauseIdsPlugin } from '../markdown/clause-ids.ts';
import { clauseProblems, compareVersions, locateClause, pageAnchors, type SectionClauses } from './clause-map.ts';
import { clausesFromHtml } from './clause-model.ts';
import { clauseAnchor } from './clauses.ts';
import { redlineHtml } from './redline.ts';
import { sectionSlug } from './specification.ts';
import { changesBySection, countChanges, describeCounts } from './version-changes.ts';

// The real specification summaries in content/, rendered as astro.config.mjs renders them.
const root = path.resolve('content/specification');
const sections: SectionClauses[] = fs.readdirSync(root).flatMap((version) =>
  fs.readdirSync(path.join(root, version)).map((name) => {
    const file = path.join(root, version, name);
    const body = fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    const { html } = markdownToHtml(body, {
      fileURL: new URL(`file://${file}`),
      features: { gfm: true, smartPunctuation: true, headingAttributes: true },
      hastPlugins: [clauseIdsPlugin],
    }) as MarkdownToHtmlResult; // synchronous: the plugin is
    return {
      version,
      section: Number.parseInt(name, 10),
      slug: sectionSlug(name.replace(/\.mdx?$/, '')),
      title: '',
      clauses: clausesFromHtml(html),
      file: `specification/${version}/${name}`,
    };
  }),
);
const clauseIn = (version: string, number: string) =>
  sections
    .filter((s) => s.version === version)
    .flatMap((s) => s.clauses)
    .find((c) => c.number === number)!;

describe('the specification in content/', () => {
  it('has no bad, repeated or clashing clause ids', () => {
    expect(sections.length).toBe(23);
    expect(clauseProblems(sections)).toEqual([]);
  });

  it('pins an id of its own on every clause, so editing a heading breaks no link', () => {
    const unpinned = sections.flatMap((s) =>
      s.clauses.filter((c) => c.id === clauseAnchor(c.number)).map((c) => `${s.file} ${c.number}`),
    );
    expect(unpinned).toEqual([]);
    expect(sections.every((s) => s.clauses.every((c) => c.aliases.includes(clauseAnchor(c.number))))).toBe(true);
  });

  it('leads every 2014 clause to the same clause in 2019, or records that it was removed', () => {
    const { removed } = compareVersions(sections, '2014', '2019');
    const removedIds = removed.map((l) => l.clause.id);
    for (const clause of sections.filter((s) => s.version === '2014').flatMap((s) => s.clauses)) {
      const now = locateClause(sections, clause.id, '2019');
      expect(Boolean(now) !== removedIds.includes(clause.id), clause.id).toBe(true);
    }
    expect(removed.map((l) => `${l.clause.number} ${l.clause.title}`)).toEqual([
      '2.3 Principles',
      '8.2 Service level agreements and protocols',
      '10.2 Practitioner specification',
      '13.2 Equality',
    ]);
    expect(locateClause(sections, 'clause-governance', '2019')?.clause.number).toBe('13.4');
  });

  it('keeps the renumbered governance clause under its 2019 number on the 2014 page, and explains 13.1 in 2019', () => {
    expect(pageAnchors(sections, '2014', 'governance-and-commissioning').get('clause-governance')?.aliases).toEqual([
      'clause-13-4',
    ]);
    const note = pageAnchors(sections, '2019', 'governance-and-commissioning').get('clause-local-context')?.reused;
    expect(note?.map((n) => `${n.version} ${n.number} ${n.title} -> ${n.now?.clause.number}`)).toEqual([
      '2014 13.1 Governance and costing -> 13.4',
    ]);
  });

  it('counts the changes in 2019', () => {
    const counts = countChanges(changesBySection(sections, '2014', '2019'));
    expect(describeCounts(counts)).toBe('26 clauses added, 4 removed, 1 renumbered, 12 changed and 5 unchanged.');
  });

  it('redlines clause 5.3 word by word', () => {
    expect(redlineHtml(clauseIn('2014', '5.3').blocks, clauseIn('2019', '5.3').blocks)).toMatchInlineSnapshot(
      `"<p><del class="app-redline__deleted"><span class="nhsuk-u-visually-hidden">[start of deletion] </span>This summary has no detail of how the operating model described assessment<span class="nhsuk-u-visually-hidden"> [end of deletion]</span></del><ins class="app-redline__inserted"><span class="nhsuk-u-visually-hidden">[start of insertion] </span>The team then carries out a fuller assessment of the person’s needs<span class="nhsuk-u-visually-hidden"> [end of insertion]</span></ins>. The 2019 specification says <ins class="app-redline__inserted"><span class="nhsuk-u-visually-hidden">[start of insertion] </span>this <span class="nhsuk-u-visually-hidden"> [end of insertion]</span></ins>assessment should be trauma-informed. <del class="app-redline__deleted"><span class="nhsuk-u-visually-hidden">[start of deletion] </span>We could not check whether the operating model said the same<span class="nhsuk-u-visually-hidden"> [end of deletion]</span></del><ins class="app-redline__inserted"><span class="nhsuk-u-visually-hidden">[start of insertion] </span>This means it takes account of how past trauma may affect the person<span class="nhsuk-u-visually-hidden"> [end of insertion]</span></ins>.</p>"`,
    );
  });
});
