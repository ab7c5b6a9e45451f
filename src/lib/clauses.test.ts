import { describe, expect, it } from 'vitest';
import { anchorForHeading, clauseAnchor, isClauseId, parseAliases, parseClauseHeading } from './clauses.ts';

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

  it('accepts only clause- ids that are safe in a URL fragment', () => {
    expect(isClauseId('clause-screening')).toBe(true);
    expect(isClauseId('clause-5-2')).toBe(true);
    expect(isClauseId('screening')).toBe(false);
    expect(isClauseId('clause-First_check')).toBe(false);
    expect(isClauseId('clause-')).toBe(false);
  });

  it('reads the aliases an editor listed, in order and once each', () => {
    expect(parseAliases(' clause-old  clause-older clause-old ')).toEqual(['clause-old', 'clause-older']);
    expect(parseAliases(undefined)).toEqual([]);
  });
});
