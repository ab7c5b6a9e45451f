import { describe, expect, it } from 'vitest';
import { changesUrl, clauseUrl, contentsUrl, sectionUrl } from './specification-urls.ts';

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
});
