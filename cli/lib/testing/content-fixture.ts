import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A small, valid, SYNTHETIC content folder in a temp directory for tests: one published issue,
 * one programme page, one specification section, its version, and empty data files. `files` adds or replaces
 * files (path => text or bytes); `null` deletes one.
 */
export function makeContent(files: Record<string, string | Uint8Array | null> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-content-'));
  const base: Record<string, string> = {
    'bulletins/2015-04.md': [
      '---',
      'title: "Synthetic test bulletin: April 2015"',
      'date: 2015-04-29',
      'summary: "A synthetic issue for tests."',
      '---',
      '',
      '## Update on the programme',
      '',
      'Synthetic text. See [clause 5.1](/specification/the-persons-journey/#clause-5-1).',
      '',
    ].join('\n'),
    'programme/about.md': [
      '---',
      'title: "About (synthetic)"',
      'summary: "A synthetic programme page for tests."',
      'order: 1',
      'lastReviewed: 2015-01-01',
      'reviewBy: 2016-01-01',
      'owner: "Synthetic team"',
      'status: current',
      '---',
      '',
      'Synthetic text, linking to [April](/bulletins/2015-04/).',
      '',
    ].join('\n'),
    'specification/2019/05-the-persons-journey.md': [
      '---',
      'section: 5',
      'title: "The person’s journey (synthetic)"',
      'summary: "A synthetic section for tests."',
      'version: "2019"',
      '---',
      '',
      '## 5.1 Noticing who needs help',
      '',
      'Synthetic text.',
      '',
    ].join('\n'),
    'data/timeline.yaml': '[]\n',
    'data/waves.yaml': '[]\n',
    'data/glossary.yaml': '[]\n',
    'data/sources.yaml': [
      '- id: "1"',
      '  title: "Synthetic specification 2019"',
      '  publisher: "Synthetic publisher"',
      '  url: "https://example.org/synthetic-specification-2019"',
      '',
    ].join('\n'),
    'data/synonyms.yaml': '[]\n',
    'data/specification-versions.yaml': [
      '- id: "2019"',
      '  title: "Synthetic specification 2019"',
      '  published: 2019-01-01',
      '  status: current',
      '  source: "1"',
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries({ ...base, ...files })) {
    const file = path.join(dir, name);
    if (text === null) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}
