import { describe, expect, it } from 'vitest';
import type { DataEntry } from './read-content.ts';
import { standingWarnings } from './standing-rules.ts';

const version = (data: Record<string, unknown>): DataEntry => ({
  collection: 'specificationVersions',
  file: 'content/data/specification-versions.yaml',
  line: 2,
  id: String(data.id),
  data: { title: 'Synthetic specification', ...data },
});
const source = (id: string, url?: string): DataEntry => ({
  collection: 'sources',
  file: 'content/data/sources.yaml',
  line: 1,
  id,
  data: { id, title: 'Synthetic specification', publisher: 'Synthetic', ...(url ? { url } : {}) },
});

describe('a summary specification links its official document', () => {
  it('warns of a version with no source, and of one whose source has no address', () => {
    const problems = standingWarnings(
      [version({ id: '2020' }), version({ id: '2018', source: '1' }), source('1')],
      'summary',
    );
    expect(problems.map((p) => [p.severity, p.field, p.message])).toEqual([
      [
        'warning',
        'source',
        'The 2020 version is a summary, and names no official document to link: readers cannot find the text it summarises.',
      ],
      [
        'warning',
        'source',
        'The 2018 version is a summary of “Synthetic specification”, and data/sources.yaml has no address (`url`) for it, so no page links the official document.',
      ],
    ]);
  });

  it('warns of a source number that data/sources.yaml does not have', () => {
    const [problem] = standingWarnings([version({ id: '2020', source: '9' })], 'summary');
    expect(problem.message).toBe('The 2020 version names source "9", which is not in data/sources.yaml.');
  });

  it('is quiet when the official document has an address, or when the pages are the official text', () => {
    expect(
      standingWarnings([version({ id: '2020', source: '1' }), source('1', 'https://example.org/spec.pdf')], 'summary'),
    ).toEqual([]);
    expect(standingWarnings([version({ id: '2020' })], 'official')).toEqual([]);
  });
});
