import { describe, expect, it } from 'vitest';
import { checkLink, type SiteMap } from './links.ts';

const site: SiteMap = new Map([
  ['/', { published: true }],
  ['/bulletins/2015-05/', { published: true, anchors: new Set(['update-on-the-programme', 'maincontent']) }],
  ['/bulletins/2015-07/', { published: false, unpublished: 'a draft', anchors: new Set(['maincontent']) }],
  ['/specification/the-persons-journey/', { published: true, anchors: new Set(['clause-5-1', 'clause-5-2']) }],
  ['/assets/images/logo.svg', { published: true }],
]);
const from = '/bulletins/2015-05/';
const published = { published: true, origin: 'https://example.org' };

describe('checkLink', () => {
  it('accepts pages, anchors, files, relative links and links to other sites', () => {
    for (const href of [
      '/specification/the-persons-journey/#clause-5-2',
      '#update-on-the-programme',
      '../2015-05/',
      '/assets/images/logo.svg',
      'https://example.org/bulletins/2015-05/',
      'https://www.england.nhs.uk/',
      'mailto:team@example.org',
      '/?q=x',
    ]) {
      expect(checkLink(href, from, site, published), href).toBeUndefined();
    }
  });

  it('rejects a missing trailing slash, a missing page and a missing anchor', () => {
    expect(checkLink('/bulletins/2015-05', from, site, published)?.fix).toBe('Change the link to /bulletins/2015-05/.');
    expect(checkLink('/bulletin/2015-05/', from, site, published)?.fix).toContain('Did you mean /bulletins/2015-05/?');
    expect(checkLink('/specification/the-persons-journey/#clause-5-3', from, site, published)?.fix).toContain(
      'Did you mean #clause-5-1?',
    );
    expect(checkLink('https://example.org/nope/', from, site, published)?.message).toContain('no page at /nope/');
  });

  it('rejects a published page linking to an unpublished one, but not a draft linking to it', () => {
    expect(checkLink('/bulletins/2015-07/', from, site, published)?.message).toContain('which is a draft');
    expect(checkLink('/bulletins/2015-07/', from, site, { ...published, published: false })).toBeUndefined();
  });

  it('rejects an empty link', () => {
    expect(checkLink('', from, site, published)?.message).toBe('The link has no address.');
  });
});
