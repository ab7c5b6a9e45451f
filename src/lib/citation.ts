import { formatDate } from './dates.ts';

/** What a citation of one clause names. */
export interface ClauseCitation {
  /** The site's name, such as "Liaison and Diversion". */
  site: string;
  version: string;
  /** The official document the version summarises. */
  versionTitle: string;
  /** Who published the official document, if known. */
  publisher?: string;
  published: Date;
  number: string;
  title: string;
  /** The clause's absolute permanent address (under its version's year), ending in its own id. */
  url: string;
}

/**
 * The text people paste to cite a clause: what they cite (this site's plain-English summary, not the
 * official text), clause number, title and version, the official document it summarises, and the
 * clause's permanent address, which will always show the same words.
 * @example citeClause({ site: 'Liaison and Diversion', version: '2019', versionTitle: 'Liaison and Diversion Standard Service Specification 2019',
 *   publisher: 'NHS England and NHS Improvement', published: new Date('2019-11-20'), number: '5.2', title: 'First check',
 *   url: 'https://ld.nhs.test/specification/2019/the-persons-journey/#clause-screening' })
 * // => 'Liaison and Diversion website, plain-English summary of the service specification, 2019 version, clause 5.2 "First check".
 * //     A summary of the Liaison and Diversion Standard Service Specification 2019 (NHS England and NHS Improvement, 20 November 2019),
 * //     not the official text. https://ld.nhs.test/specification/2019/the-persons-journey/#clause-screening'
 */
export function citeClause(c: ClauseCitation): string {
  const source = [c.publisher, formatDate(c.published)].filter(Boolean).join(', ');
  return `${c.site} website, plain-English summary of the service specification, ${c.version} version, clause ${c.number} "${c.title}". A summary of the ${c.versionTitle} (${source}), not the official text. ${c.url}`;
}
