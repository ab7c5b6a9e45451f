import {
  publication,
  standingSentence,
  type OfficialDocument,
  type SpecificationText,
} from './specification-standing.ts';

/** What a citation of one clause names. */
export interface ClauseCitation {
  /** The site's name, such as "Liaison and Diversion". */
  site: string;
  /** Whether the site's specification pages are the official text or a summary (src/site.config.ts). */
  text: SpecificationText;
  /** The official document the clause's version is, or summarises. */
  document: OfficialDocument;
  number: string;
  title: string;
  /** The clause's absolute permanent address (under its version's year), ending in its own id. */
  url: string;
}

/**
 * The text people paste to cite a clause: what they cite (this site's summary, or the official text),
 * clause number, title and version, the official document, the clause's permanent address (which will
 * always show the same words) and, where the sources list it, the official document's address.
 * @example citeClause({ site: 'Liaison and Diversion', text: 'summary', number: '5.2', title: 'First check',
 *   document: { version: '2019', title: 'Liaison and Diversion Standard Service Specification 2019', publisher: 'NHS England and NHS Improvement', published: new Date('2019-11-20') },
 *   url: 'https://ld.nhs.test/specification/2019/the-persons-journey/#clause-screening' })
 * // => 'Liaison and Diversion website, summary of the service specification, 2019 version, clause 5.2 "First check".
 * //     A summary of the Liaison and Diversion Standard Service Specification 2019 (NHS England and NHS Improvement, 20 November 2019),
 * //     not the official text. https://ld.nhs.test/specification/2019/the-persons-journey/#clause-screening'
 */
export function citeClause(c: ClauseCitation): string {
  const { document: doc } = c;
  const official = doc.url ? ` Official document: ${doc.url}` : '';
  if (c.text === 'official') {
    return `${doc.title} (${publication(doc)}), clause ${c.number} "${c.title}". ${c.url}`;
  }
  return `${c.site} website, summary of the service specification, ${doc.version} version, clause ${c.number} "${c.title}". ${standingSentence(c.text, doc)} ${c.url}${official}`;
}
