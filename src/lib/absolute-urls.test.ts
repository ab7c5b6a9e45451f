import { describe, expect, it } from 'vitest';
import { absoluteUrls } from './absolute-urls.ts';

const page = 'https://ld.example.org/bulletins/2015-05/';

describe('absoluteUrls', () => {
  it('resolves root-relative, relative and fragment links against the page', () => {
    const html =
      '<p><a href="/specification/">Spec</a> <a href="../2015-04/">April</a> <a href="#survey">Survey</a></p>';
    expect(absoluteUrls(html, page)).toBe(
      '<p><a href="https://ld.example.org/specification/">Spec</a> ' +
        '<a href="https://ld.example.org/bulletins/2015-04/">April</a> ' +
        '<a href="https://ld.example.org/bulletins/2015-05/#survey">Survey</a></p>',
    );
  });

  it('leaves absolute, mailto and tel addresses as they are', () => {
    const html =
      '<a href="https://www.england.nhs.uk/">NHS England</a><a href="mailto:ld@example.org">Email</a><a href="tel:+44">Call</a>';
    expect(absoluteUrls(html, page)).toBe(html);
  });

  it('resolves image sources and every candidate of a srcset', () => {
    const html = '<img src="/images/a.png" srcset="/images/a.png 1x, b@2x.png 2x" alt="A chart">';
    expect(absoluteUrls(html, page)).toBe(
      '<img src="https://ld.example.org/images/a.png" ' +
        'srcset="https://ld.example.org/images/a.png 1x, https://ld.example.org/bulletins/2015-05/b@2x.png 2x" alt="A chart">',
    );
  });

  it('keeps text and other attributes untouched', () => {
    const html = '<h2 id="update">Update &amp; news</h2><a class="x" href="/" title="Home">Home</a>';
    expect(absoluteUrls(html, page)).toBe(
      '<h2 id="update">Update &amp; news</h2><a class="x" href="https://ld.example.org/" title="Home">Home</a>',
    );
  });

  it('keeps query strings and the words of the text as they were written', () => {
    const html = '<p>Ask the team’s lead – <a href="/search/?q=a&amp;type=Bulletin">search</a> £5 café</p>';
    expect(absoluteUrls(html, page)).toBe(
      '<p>Ask the team’s lead – <a href="https://ld.example.org/search/?q=a&amp;type=Bulletin">search</a> £5 café</p>',
    );
  });

  it('rewrites addresses however their attributes are quoted, and leaves the rest of the markup as written', () => {
    const html =
      '<a href=\'/a/\' download>A</a><a HREF=/b/>B</a><img src="c.png" alt=\'say "hi"\'><svg><path d="M0"/></svg>';
    expect(absoluteUrls(html, page)).toBe(
      '<a href="https://ld.example.org/a/" download>A</a><a href="https://ld.example.org/b/">B</a>' +
        '<img src="https://ld.example.org/bulletins/2015-05/c.png" alt=\'say "hi"\'><svg><path d="M0"/></svg>',
    );
  });

  it('writes a quote or ampersand in a resolved address as an entity', () => {
    expect(absoluteUrls('<a href="/q/?a=&quot;x&quot;&amp;b">Q</a>', page)).toBe(
      '<a href="https://ld.example.org/q/?a=%22x%22&amp;b">Q</a>',
    );
  });
});
