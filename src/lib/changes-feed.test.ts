import { describe, expect, it } from 'vitest';
import { changesAtom, changesHtml, paragraphHtml } from './changes-feed.ts';
import type { ClauseLocation } from './clause-map.ts';
import type { SectionChanges } from './version-changes.ts';

const at = (version: string, number: string, title: string): ClauseLocation => ({
  version,
  section: 13,
  slug: 'governance',
  clause: { id: `clause-${title.toLowerCase()}`, number, title, aliases: [], blocks: [] },
});
const group: SectionChanges = {
  slug: 'governance',
  section: 13,
  title: 'Governance',
  status: 'kept',
  added: [at('2019', '13.1', 'Context')],
  removed: [],
  renumbered: [{ before: at('2014', '13.1', 'Governance'), after: at('2019', '13.4', 'Governance') }],
  changed: [],
  unchanged: [],
};

describe('feed of specification changes', () => {
  it('lists each kind of change with links, and links to the full redline', () => {
    const html = changesHtml(
      [group],
      (l) => `https://example.org/${l.version}#${l.clause.id}`,
      'https://example.org/c/',
    );
    expect(html).toBe(
      '<h2>Added</h2><ul><li><a href="https://example.org/2019#clause-context">13.1 Context</a></li></ul>' +
        '<h2>Renumbered</h2><ul><li><a href="https://example.org/2014#clause-governance">13.1 Governance</a> is now <a href="https://example.org/2019#clause-governance">13.4 Governance</a></li></ul>' +
        '<p><a href="https://example.org/c/">See every change word by word</a></p>',
    );
    expect(paragraphHtml('Fish & chips')).toBe('<p>Fish &#x26; chips</p>');
  });

  it('writes Atom, newest entry first and dated by it, so a rebuild gives the same bytes', () => {
    const feed = {
      title: 'Changes',
      subtitle: 'Sub',
      homeUrl: 'https://example.org/specification/',
      selfUrl: 'https://example.org/specification/changes.xml',
      author: 'NHS England',
    };
    const entry = (year: string, published: string) => ({
      url: `https://example.org/specification/${year}/changes/`,
      title: `Changes in ${year}`,
      summary: 'Counts.',
      html: '<p>Hi</p>',
      published: new Date(published),
    });
    const xml = changesAtom(feed, [entry('2014', '2014-04-01'), entry('2019', '2019-11-20')]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(
      '<link href="https://example.org/specification/changes.xml" rel="self" type="application/atom+xml"/>',
    );
    expect(xml.indexOf('2019/changes/')).toBeLessThan(xml.indexOf('2014/changes/'));
    expect(xml).toMatch(/<updated>2019-11-20T00:00:00\.000Z<\/updated>/);
    expect(changesAtom(feed, [entry('2019', '2019-11-20'), entry('2014', '2014-04-01')])).toBe(xml);
  });
});
