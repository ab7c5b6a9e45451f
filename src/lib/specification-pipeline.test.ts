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

// A synthetic specification in two versions (src/lib/testing/specification/README.md), rendered as
// astro.config.mjs renders content: the Markdown pipeline, clause model, mapping and redline end to end.
const root = path.resolve('src/lib/testing/specification');
const sections: SectionClauses[] = fs
  .readdirSync(root)
  .filter((name) => /^\d{4}$/.test(name))
  .flatMap((version) =>
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

describe('a specification in two versions', () => {
  it('has no bad, repeated or clashing clause ids', () => {
    expect(sections.length).toBe(4);
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
    expect(removed.map((l) => `${l.clause.number} ${l.clause.title}`)).toEqual(['1.2 Synthetic old rule']);
    expect(locateClause(sections, 'clause-synthetic-oversight', '2019')?.clause.number).toBe('2.3');
  });

  it('keeps a renumbered clause under its new number on the old page, and explains the number reused', () => {
    expect(pageAnchors(sections, '2014', 'synthetic-oversight').get('clause-synthetic-oversight')?.aliases).toEqual([
      'clause-2-3',
    ]);
    const note = pageAnchors(sections, '2019', 'synthetic-oversight').get('clause-synthetic-local-context')?.reused;
    expect(note?.map((n) => `${n.version} ${n.number} ${n.title} -> ${n.now?.clause.number}`)).toEqual([
      '2014 2.1 Synthetic oversight and costs -> 2.3',
    ]);
  });

  it('counts the changes in 2019', () => {
    const counts = countChanges(changesBySection(sections, '2014', '2019'));
    expect(describeCounts(counts)).toMatchInlineSnapshot(
      `"2 clauses added, 1 removed, 1 renumbered, 1 changed and 2 unchanged."`,
    );
  });

  it('redlines a clause word by word', () => {
    expect(redlineHtml(clauseIn('2014', '1.1').blocks, clauseIn('2019', '1.1').blocks)).toMatchInlineSnapshot(
      `"<p>The team looks at every synthetic case within <del class="app-redline__deleted"><span class="nhsuk-u-visually-hidden" data-pagefind-ignore="">[start of deletion] </span>one day<span class="nhsuk-u-visually-hidden" data-pagefind-ignore=""> [end of deletion]</span></del><ins class="app-redline__inserted"><span class="nhsuk-u-visually-hidden" data-pagefind-ignore="">[start of insertion] </span>four hours<span class="nhsuk-u-visually-hidden" data-pagefind-ignore=""> [end of insertion]</span></ins>.</p>"`,
    );
  });
});
