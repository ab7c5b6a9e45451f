import { describe, expect, it } from 'vitest';
import { citeClause, type ClauseCitation } from './citation.ts';

const clause: ClauseCitation = {
  site: 'Liaison and Diversion',
  text: 'summary',
  document: {
    version: '2014',
    title: 'Liaison and Diversion Operating Model 2013/14',
    publisher: 'Synthetic Publisher',
    published: new Date('2014-04-01'),
  },
  number: '13.1',
  title: 'Governance and costing',
  url: 'https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
};

describe('clause citation', () => {
  it('says it cites the site’s summary, names the official document and links to the permanent address', () => {
    expect(citeClause(clause)).toBe(
      'Liaison and Diversion website, summary of the service specification, 2014 version, clause 13.1 "Governance and costing". A summary of the Liaison and Diversion Operating Model 2013/14 (Synthetic Publisher, 1 April 2014), not the official text. https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
    );
  });

  it('links the official document where the sources list its address', () => {
    const withUrl = { ...clause, document: { ...clause.document, url: 'https://example.org/official.pdf' } };
    expect(citeClause(withUrl)).toMatch(
      /not the official text\. \S+#clause-governance Official document: https:\/\/example\.org\/official\.pdf$/,
    );
  });

  it('cites the official text as itself when the site publishes it', () => {
    expect(citeClause({ ...clause, text: 'official' })).toBe(
      'Liaison and Diversion Operating Model 2013/14 (Synthetic Publisher, 1 April 2014), clause 13.1 "Governance and costing". https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
    );
  });
});
