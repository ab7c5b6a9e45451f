import { formatDate } from './dates.ts';

/**
 * What the specification pages are: `official`, the official text itself, or `summary`, this site's
 * summary of it. Set once, in src/site.config.ts (`specificationText`).
 */
export type SpecificationText = 'official' | 'summary';

/** The official document a version of the specification is, or summarises. */
export interface OfficialDocument {
  /** The version's name, its year. */
  version: string;
  title: string;
  publisher?: string;
  published: Date;
  /** Anything a reader should know about its standing, such as its own version number. */
  note?: string;
  /** Its address, where `data/sources.yaml` lists one for the version's `source`. */
  url?: string;
}

/**
 * Who published the document and when, as written after its title.
 * @example publication({ version: '2019', title: 'T', publisher: 'NHS England and NHS Improvement', published: new Date('2019-11-20') })
 * // => 'NHS England and NHS Improvement, 20 November 2019'
 */
export function publication(doc: OfficialDocument): string {
  return [doc.publisher, formatDate(doc.published)].filter(Boolean).join(', ');
}

/**
 * One sentence saying whether a version's pages are the official text, and of what: the notice on every
 * specification page, print and citation says it in these words.
 * @example standingSentence('summary', { version: '2019', title: 'Liaison and Diversion Standard Service Specification 2019', publisher: 'NHS England and NHS Improvement', published: new Date('2019-11-20') })
 * // => 'A summary of the Liaison and Diversion Standard Service Specification 2019 (NHS England and NHS Improvement, 20 November 2019), not the official text.'
 */
export function standingSentence(text: SpecificationText, doc: OfficialDocument): string {
  return text === 'summary'
    ? `A summary of the ${doc.title} (${publication(doc)}), not the official text.`
    : `The official text of the ${doc.title} (${publication(doc)}).`;
}

/**
 * Where the official document is, in one sentence: its address, or that none is listed.
 * @example whereOfficial({ version: '2019', title: 'T', published: new Date('2019-11-20') })
 * // => 'No address for the official document is listed in this site’s sources.'
 */
export function whereOfficial(doc: OfficialDocument): string {
  return doc.url
    ? `The official document: ${doc.url}`
    : 'No address for the official document is listed in this site’s sources.';
}

/**
 * The short label a search result for a specification page shows beside its title (Pagefind metadata
 * `standing`), so a result read on its own says what it is.
 * @example searchStanding('summary', '2019') // => 'Summary of the 2019 version, not the official text'
 */
export function searchStanding(text: SpecificationText, version: string): string {
  return text === 'summary'
    ? `Summary of the ${version} version, not the official text`
    : `Official text, ${version} version`;
}
