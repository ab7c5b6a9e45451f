import { describe, expect, it } from 'vitest';
import { citeClause } from './citation.ts';

describe('clause citation', () => {
  it('says it cites the site’s summary, names the official document and links to the permanent address', () => {
    expect(
      citeClause({
        site: 'Liaison and Diversion',
        version: '2014',
        versionTitle: 'Liaison and Diversion Operating Model 2013/14',
        publisher: 'Synthetic Publisher',
        published: new Date('2014-04-01'),
        number: '13.1',
        title: 'Governance and costing',
        url: 'https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
      }),
    ).toBe(
      'Liaison and Diversion website, plain-English summary of the service specification, 2014 version, clause 13.1 "Governance and costing". A summary of the Liaison and Diversion Operating Model 2013/14 (Synthetic Publisher, 1 April 2014), not the official text. https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
    );
  });
});
