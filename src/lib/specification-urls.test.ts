import { describe, expect, it } from 'vitest';
import {
  changesUrl,
  clauseUrl,
  contentsUrl,
  isPermanentCopy,
  permanentClauseUrl,
  permanentSectionUrl,
  sectionUrl,
} from './specification-urls.ts';

describe('specification URLs', () => {
  it('puts the current version at /specification/ and older ones under their year', () => {
    expect(sectionUrl('2019', 'the-persons-journey', '2019')).toBe('/specification/the-persons-journey/');
    expect(sectionUrl('2014', 'the-persons-journey', '2019')).toBe('/specification/2014/the-persons-journey/');
    expect(contentsUrl('2019', '2019')).toBe('/specification/');
    expect(contentsUrl('2014', '2019')).toBe('/specification/2014/');
  });

  it('links a clause by its own id and each version to its changes', () => {
    const location = { version: '2014', slug: 'governance-and-commissioning', clause: { id: 'clause-governance' } };
    expect(clauseUrl(location, '2019')).toBe('/specification/2014/governance-and-commissioning/#clause-governance');
    expect(changesUrl('2019')).toBe('/specification/2019/changes/');
  });

  it('gives every version, the current one included, a permanent address under its year', () => {
    expect(permanentSectionUrl('2019', 'the-persons-journey')).toBe('/specification/2019/the-persons-journey/');
    const location = { version: '2019', slug: 'the-persons-journey', clause: { id: 'clause-screening' } };
    expect(permanentClauseUrl(location)).toBe('/specification/2019/the-persons-journey/#clause-screening');
  });

  it('knows the permanent copies of the current version, and nothing else', () => {
    expect(isPermanentCopy('/specification/2019/the-persons-journey/', '2019')).toBe(true);
    expect(isPermanentCopy('/specification/2019/', '2019')).toBe(true);
    expect(isPermanentCopy('/specification/2014/', '2019')).toBe(false);
    expect(isPermanentCopy('/specification/2014/the-persons-journey/', '2019')).toBe(false);
    expect(isPermanentCopy('/specification/2019/changes/', '2019')).toBe(false);
    expect(isPermanentCopy('/specification/the-persons-journey/', '2019')).toBe(false);
  });
});
