import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsConfig } from './config.ts';
import type { CmsField } from './fields.ts';
import { fieldKinds, type FieldKind } from './kinds.ts';
import { contentSchemas, dataSchemas } from '../schemas/collections.ts';

const root = path.resolve('/repo');
const config = cmsConfig({
  repoRoot: root,
  contentDir: path.join(root, 'content'),
  siteUrl: 'http://127.0.0.1:4321',
  nextIssueDate: '2015-07-27',
  versions: ['2019', '2014'],
  backend: { name: 'git-gateway', branch: 'main' },
  localBackendUrl: 'http://127.0.0.1:8081/api/v1',
});
type Collection = (typeof config.collections)[number];
const collection = (name: string) =>
  config.collections.find((c) => c.name === name) as Collection & { fields: CmsField[] };

/** Field names, nested ones dotted, of the schema and of the CMS form. */
const schemaNames = (fields: readonly FieldKind[], prefix = ''): string[] =>
  fields.flatMap((f) => {
    const inner =
      f.kind.type === 'object'
        ? f.kind.fields
        : f.kind.type === 'list' && f.kind.item.type === 'object'
          ? f.kind.item.fields
          : [];
    return [`${prefix}${f.name}`, ...schemaNames(inner, `${prefix}${f.name}.`)];
  });
const cmsNames = (fields: readonly CmsField[], prefix = ''): string[] =>
  fields.flatMap((f) => [`${prefix}${f.name}`, ...cmsNames(f.fields ?? [], `${prefix}${f.name}.`)]);

describe('CMS configuration made from the schemas', () => {
  it.each([
    ['bulletins', contentSchemas.bulletins],
    ['programme', contentSchemas.programme],
    ['specification-2019', contentSchemas.specification],
  ] as const)('%s: every schema field is in the form, and the form has no other field but the text', (name, schema) => {
    const fields = collection(name).fields.filter((f) => f.name !== 'body');
    expect(cmsNames(fields).sort()).toEqual(schemaNames(fieldKinds(schema)).sort());
  });

  it.each(['timeline', 'waves', 'glossary', 'sources', 'synonyms'] as const)(
    'data file %s: the same fields as its schema',
    (name) => {
      const data = collection('data') as unknown as { files: { name: string; fields: CmsField[] }[] };
      const file = data.files.find((f) => f.name === name)!;
      expect(cmsNames(file.fields[0].fields!).sort()).toEqual(schemaNames(fieldKinds(dataSchemas[name])).sort());
    },
  );

  it('carries required, hints, limits and options from the schemas', () => {
    const fields = collection('bulletins').fields;
    const byName = (n: string) => fields.find((f) => f.name === n)!;
    expect(byName('title')).toMatchObject({
      required: true,
      widget: 'string',
      hint: 'The issue’s title, as readers see it.',
    });
    expect(byName('summary').pattern).toEqual([
      '^[\\s\\S]{0,300}$',
      'Keep the summary to 300 characters or fewer: it is shown in lists, feeds and search.',
    ]);
    expect(byName('date')).toMatchObject({ widget: 'british-date', default: '2015-07-27' });
    expect(byName('callToAction')).toMatchObject({ widget: 'object', required: false });
    // Needed only once the optional call to action is used: the check says so (see fields.ts).
    expect(byName('callToAction').fields!.find((f) => f.name === 'closes')).toMatchObject({
      required: false,
      widget: 'british-date',
      hint: expect.stringContaining('Needed when this call to action is used.'),
    });
    expect(byName('topics')).toMatchObject({ widget: 'list', required: false });
    const programme = collection('programme').fields;
    expect(programme.find((f) => f.name === 'status')).toMatchObject({
      widget: 'select',
      options: ['current', 'historical'],
    });
    expect(programme.find((f) => f.name === 'describes')).toMatchObject({ required: false });
    expect(collection('specification-2019').fields.find((f) => f.name === 'version')!.pattern![0]).toBe('^\\d{4}$');
  });

  it('saves into the repository-relative folders and names issues by month', () => {
    expect(collection('bulletins')).toMatchObject({
      folder: 'content/bulletins',
      slug: "{{fields.date | date('YYYY-MM')}}",
      media_folder: '/content/bulletins/images',
      public_folder: './images',
    });
    expect(collection('specification-2014')).toMatchObject({ folder: 'content/specification/2014', create: false });
    expect(config.publish_mode).toBe('editorial_workflow');
  });
});
