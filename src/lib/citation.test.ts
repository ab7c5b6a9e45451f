import { describe, expect, it } from 'vitest';
import { citeClause } from './citation.ts';

describe('clause citation', () => {
  it('names the clause, its version and date, and links to it', () => {
    expect(
      citeClause({
        site: 'Liaison and Diversion',
        version: '2014',
        versionTitle: 'Liaison and Diversion Operating Model 2013/14',
        published: new Date('2014-04-01'),
        number: '13.1',
        title: 'Governance and costing',
        url: 'https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
      }),
    ).toBe(
      'Liaison and Diversion service specification summary, 2014 version, clause 13.1 "Governance and costing". Summarises the Liaison and Diversion Operating Model 2013/14, published 1 April 2014. https://example.org/specification/2014/governance-and-commissioning/#clause-governance',
    );
  });
});
