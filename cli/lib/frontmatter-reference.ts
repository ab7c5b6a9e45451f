import path from 'node:path';
import type { z } from 'astro/zod';
import * as prettier from 'prettier';
import { contentCollections, dataCollections } from '../../src/lib/content-layout.ts';
import { contentSchemas, dataSchemas } from '../../src/content-rules/read-content.ts';
import { fieldRows } from '../../src/content-rules/schema-fields.ts';

/** Where the reference is written, from the project folder. */
export const FRONTMATTER_DOC = 'docs/editors/frontmatter.md';

const titles = {
  bulletins: ['Bulletin issues', 'content/bulletins/YYYY-MM.md', 'frontmatter'],
  specification: ['Specification sections', 'content/specification/<version>/<nn>-<slug>.md', 'frontmatter'],
  programme: ['Programme pages', 'content/programme/<slug>.md', 'frontmatter'],
  timeline: ['Timeline events', `content/${dataCollections.timeline}`, 'entry'],
  waves: ['Trial schemes', `content/${dataCollections.waves}`, 'entry'],
  glossary: ['Glossary terms', `content/${dataCollections.glossary}`, 'entry'],
  sources: ['Sources', `content/${dataCollections.sources}`, 'entry'],
  specificationVersions: ['Specification versions', `content/${dataCollections.specificationVersions}`, 'entry'],
  synonyms: ['Search synonyms', `content/${dataCollections.synonyms}`, 'entry'],
} as const;

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** "Yes" for a nested field means "yes, whenever its group is there". */
function required(name: string, isRequired: boolean): string {
  if (!isRequired) return 'No';
  const parent = /^(.*?)(\[\])?\.[^.]+$/.exec(name);
  if (!parent) return 'Yes';
  return parent[2] ? `Yes, in each entry of \`${parent[1]}\`` : `Yes, if \`${parent[1]}\` is there`;
}

function table(schema: z.ZodType): string[] {
  return [
    '| Name | Type | Required | Description |',
    '| --- | --- | --- | --- |',
    ...fieldRows(schema).map(
      (row) =>
        `| \`${row.name}\` | ${cell(row.type)} | ${required(row.name, row.required)} | ${cell(row.description)} |`,
    ),
  ];
}

/**
 * The editors' frontmatter reference, generated from the zod schemas the site validates with
 * (each field's `.describe()` text), formatted with the project's Prettier settings.
 */
export async function frontmatterDocs(root: string): Promise<string> {
  const sections = (Object.keys(titles) as (keyof typeof titles)[]).flatMap((collection) => {
    const [title, where, kind] = titles[collection];
    const schema =
      collection in contentSchemas
        ? contentSchemas[collection as keyof typeof contentSchemas]
        : dataSchemas[collection as keyof typeof dataSchemas];
    const intro =
      kind === 'frontmatter'
        ? `Each file \`${where}\` starts with these fields between two \`---\` lines.`
        : `\`${where}\` is a list: each entry starts with \`- id: …\` and has these fields.`;
    return ['', `## ${title}`, '', intro, '', ...table(schema)];
  });
  const folders = Object.values(contentCollections)
    .map((c) => `\`${c.folder}/\``)
    .join(', ');
  const text = [
    '# Frontmatter reference',
    '',
    '<!-- Generated from the schemas in src/schemas/ by `npm run docs:frontmatter`: do not edit by hand. A unit test fails when this file and the schemas disagree. -->',
    '',
    `Every content file (in ${folders} and \`data/\` under \`content/\`) is checked against these fields by \`npm run check\` and by every build. "Required: No" fields can be left out; a default, where there is one, is used instead.`,
    '',
    'Dates are written year-month-day without quotes (`date: 2015-05-27`). Text that contains a colon, a `#` or quotes goes in double quotes (`title: "Bulletin: May 2015"`). A field that is not listed here is an error: the check names the field you probably meant.',
    ...sections,
  ].join('\n');
  const options = await prettier.resolveConfig(path.join(root, FRONTMATTER_DOC));
  return prettier.format(text, { ...options, parser: 'markdown' });
}
