import type { SpecificationText } from '../lib/specification-standing.ts';
import type { Problem } from './problems.ts';
import type { DataEntry } from './read-content.ts';

/**
 * Where the specification pages are a summary (`specificationText` in src/site.config.ts), each version
 * should link its official document, so that a reader of any section can find the text it summarises: a
 * warning for a version without a `source`, or whose source in data/sources.yaml has no `url`.
 */
export function standingWarnings(dataEntries: readonly DataEntry[], text: SpecificationText): Problem[] {
  if (text !== 'summary') return [];
  const sources = new Map(dataEntries.filter((d) => d.collection === 'sources').map((d) => [d.id, d]));
  return dataEntries
    .filter((d) => d.collection === 'specificationVersions')
    .flatMap((version): Problem[] => {
      const sourceId = typeof version.data.source === 'string' ? version.data.source : undefined;
      const source = sourceId === undefined ? undefined : sources.get(sourceId);
      if (source && typeof source.data.url === 'string') return [];
      const title = String(version.data.title);
      return [
        {
          severity: 'warning',
          file: version.file,
          line: version.line,
          field: 'source',
          message: !sourceId
            ? `The ${version.id} version is a summary, and names no official document to link: readers cannot find the text it summarises.`
            : !source
              ? `The ${version.id} version names source "${sourceId}", which is not in data/sources.yaml.`
              : `The ${version.id} version is a summary of “${title}”, and data/sources.yaml has no address (\`url\`) for it, so no page links the official document.`,
          expected: 'a `source` naming an entry of data/sources.yaml that has the official document’s `url`',
          fix: 'Give the official document’s entry in data/sources.yaml, with its publisher’s own address as `url`, and its number as this version’s `source`. While no copy from its publisher is known, the pages say that no address is listed, and this warning stays.',
        },
      ];
    });
}
