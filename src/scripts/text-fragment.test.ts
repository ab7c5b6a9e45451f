import { describe, expect, it } from 'vitest';
import { highlightUrl, textDirectives } from './text-fragment.ts';

describe('textDirectives', () => {
  it('gives a matched word a word of context either side', () => {
    expect(textDirectives('how cases are referred. The L&D team <mark>screens</mark> the person.')).toEqual([
      'team-,screens,-the',
    ]);
  });

  it('never joins context across punctuation, which may be a block boundary Pagefind added', () => {
    expect(textDirectives('so it was. <mark>Screening</mark> is short')).toEqual(['Screening,-is']);
    expect(textDirectives('a short check <mark>(YOT)</mark> of needs')).toEqual(['YOT']);
    expect(textDirectives('More text here <mark>screening.</mark> Next')).toEqual(['here-,screening']);
  });

  it('keeps a clause number whole and encodes the characters the syntax reserves', () => {
    expect(textDirectives('see <mark>5.2</mark> below')).toEqual(['see-,5.2,-below']);
    expect(textDirectives('is <mark>trauma-informed,</mark> and')).toEqual(['is-,trauma%2Dinformed']);
    expect(textDirectives('the <mark>L&D</mark> team')).toEqual(['the-,L%26D,-team']);
  });

  it('highlights each different word once, at most three', () => {
    const excerpt = '<mark>a1</mark> x <mark>A1</mark> <mark>b2</mark> <mark>c3</mark> <mark>d4</mark>';
    expect(textDirectives(excerpt)).toEqual(['a1,-x', 'A1-,b2,-c3', 'b2-,c3,-d4']);
  });

  it('gives nothing when nothing is marked', () => {
    expect(textDirectives('no marks here')).toEqual([]);
  });
});

describe('textDirectives for an excerpt that starts at its heading', () => {
  const heading = '5.2 First check';

  it('leaves matches in the heading to the #anchor, which lands on it', () => {
    expect(textDirectives('<mark>5.2</mark> First check. The L&D team screens', heading)).toEqual([]);
    expect(textDirectives('5.2 First <mark>check.</mark> The team', heading)).toEqual([]);
  });

  it('takes no context from the heading for the text after it', () => {
    expect(textDirectives('5.2 First check. <mark>Screening</mark> is short', heading)).toEqual(['Screening,-is']);
  });

  it('highlights a word of the heading where it comes again in the text', () => {
    const excerpt = '<mark>Kestrel</mark> training days. The <mark>kestrel</mark> training was held.';
    expect(textDirectives(excerpt, 'Kestrel training days')).toEqual(['The-,kestrel,-training']);
  });

  it('treats an excerpt that does not start with the heading as text', () => {
    expect(textDirectives('team <mark>screens</mark> the', heading)).toEqual(['team-,screens,-the']);
  });
});

describe('highlightUrl', () => {
  it('adds the text directives after the anchor', () => {
    expect(highlightUrl('/specification/the-persons-journey/#clause-5-2', 'The team <mark>screens</mark> the')).toBe(
      '/specification/the-persons-journey/#clause-5-2:~:text=team-,screens,-the',
    );
  });

  it('adds an empty fragment before the directives of a page without an anchor', () => {
    expect(highlightUrl('/bulletins/2015-05/', '<mark>wave</mark> <mark>2</mark>')).toBe(
      '/bulletins/2015-05/#:~:text=wave,-2&text=wave-,2',
    );
  });

  it('leaves the address alone when nothing is marked', () => {
    expect(highlightUrl('/programme/about/', 'plain')).toBe('/programme/about/');
  });
});
