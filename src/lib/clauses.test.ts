import { describe, expect, it } from 'vitest';
import { anchorForHeading, clauseAnchor, parseClauseHeading } from './clauses.ts';

describe('clause anchors', () => {
  it('reads the number and title from a clause heading', () => {
    expect(parseClauseHeading('3.2 Screening')).toEqual({ number: '3.2', title: 'Screening' });
    expect(parseClauseHeading('  5.4.1   Onward support ')).toEqual({ number: '5.4.1', title: 'Onward support' });
  });

  it('ignores headings that are not numbered clauses', () => {
    expect(parseClauseHeading('Screening')).toBeUndefined();
    expect(parseClauseHeading('2019 specification')).toBeUndefined();
    expect(parseClauseHeading('3. Who the service is for')).toBeUndefined();
  });

  it('gives each clause number a stable anchor', () => {
    expect(clauseAnchor('3.2')).toBe('clause-3-2');
    expect(clauseAnchor('12.10')).toBe('clause-12-10');
    expect(anchorForHeading('5.1 Noticing who needs help')).toBe('clause-5-1');
    expect(anchorForHeading('Sources')).toBeUndefined();
  });
});
