import { formatDate } from './dates.ts';

/** What a citation of one clause names. */
export interface ClauseCitation {
  /** The site's name, such as "Liaison and Diversion". */
  site: string;
  version: string;
  /** The official document the version summarises. */
  versionTitle: string;
  published: Date;
  number: string;
  title: string;
  /** The clause's absolute permalink, ending in its own id. */
  url: string;
}

/**
 * The text people paste to cite a clause: clause number, title, version, date and permalink.
 * @example citeClause({ site: 'Liaison and Diversion', version: '2019', versionTitle: 'Liaison and Diversion Standard Service Specification 2019',
 *   published: new Date('2019-11-20'), number: '5.2', title: 'First check', url: 'https://example.org/specification/the-persons-journey/#clause-screening' })
 * // => 'Liaison and Diversion service specification summary, 2019 version, clause 5.2 "First check". Summarises the Liaison and Diversion
 * //     Standard Service Specification 2019, published 20 November 2019. https://example.org/specification/the-persons-journey/#clause-screening'
 */
export function citeClause(c: ClauseCitation): string {
  return `${c.site} service specification summary, ${c.version} version, clause ${c.number} "${c.title}". Summarises the ${c.versionTitle}, published ${formatDate(c.published)}. ${c.url}`;
}
