import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataListFormat, markdownFormat } from './format.ts';
import { fieldKinds } from './kinds.ts';
import { contentSchemas, dataSchemas } from '../schemas/collections.ts';

const content = path.resolve('content');
const markdownFiles = (folder: string): string[] =>
  fs
    .readdirSync(path.join(content, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(content, folder, f));

describe('CMS file format', () => {
  for (const [collection, folder] of [
    ['bulletins', 'bulletins'],
    ['programme', 'programme'],
    ['specification', 'specification'],
  ] as const) {
    it(`writes every ${collection} file back byte for byte when nothing changed`, () => {
      const format = markdownFormat(fieldKinds(contentSchemas[collection]));
      for (const file of markdownFiles(folder)) {
        const text = fs.readFileSync(file, 'utf8');
        const data = format.fromFile(text);
        // Decap hands back a copy, with its widgets' values.
        expect(format.toFile(structuredClone(data)), file).toBe(text);
      }
    });
  }

  it('writes every data file back byte for byte when nothing changed', () => {
    for (const name of ['timeline', 'waves', 'glossary', 'sources', 'synonyms'] as const) {
      const format = dataListFormat(fieldKinds(dataSchemas[name]));
      const file = path.join(content, 'data', `${name === 'timeline' ? 'timeline' : name}.yaml`);
      const text = fs.readFileSync(file, 'utf8');
      expect(format.toFile(structuredClone(format.fromFile(text))), file).toBe(text);
    }
  });

  it('changes only the line of the field that changed', () => {
    const format = markdownFormat(fieldKinds(contentSchemas.programme));
    const text = fs.readFileSync(path.join(content, 'programme/history.md'), 'utf8');
    const data = format.fromFile(text);
    const saved = format.toFile({ ...data, reviewBy: '2028-01-31' });
    const before = text.split('\n');
    const after = saved.split('\n');
    expect(after.length).toBe(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [[before[i], line]]));
    expect(changed).toEqual([[expect.stringMatching(/^reviewBy: /), 'reviewBy: 2028-01-31']]);
  });

  it('writes a new issue the way the project writes its files', () => {
    const format = markdownFormat(fieldKinds(contentSchemas.bulletins));
    const saved = format.toFile({
      title: 'Liaison and Diversion Bulletin: July 2099',
      date: '2099-07-27',
      summary: 'A synthetic "test" issue.',
      topics: ['wave 2', 'workforce'],
      draft: false,
      callToAction: { title: '', text: '', closes: '' },
      body: '## Heading\n\nText.',
    });
    expect(saved).toBe(
      [
        '---',
        'title: "Liaison and Diversion Bulletin: July 2099"',
        'date: 2099-07-27',
        'summary: "A synthetic \\"test\\" issue."',
        'topics: ["wave 2", "workforce"]',
        '---',
        '',
        '## Heading',
        '',
        'Text.',
        '',
      ].join('\n'),
    );
  });
});
