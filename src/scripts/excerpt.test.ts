import { describe, expect, it } from 'vitest';
import { excerptParts } from './excerpt.ts';

describe('excerptParts', () => {
  it('splits marked and plain runs and unescapes what Pagefind escaped', () => {
    expect(excerptParts('The L&D team <mark>screens</mark> &lt;people&gt;.')).toEqual([
      { text: 'The L&D team ', marked: false },
      { text: 'screens', marked: true },
      { text: ' <people>.', marked: false },
    ]);
  });

  it('highlights the word, not the punctuation Pagefind marks with it', () => {
    expect(excerptParts('after <mark>screening.</mark> Then <mark>(YOT)</mark>')).toEqual([
      { text: 'after ', marked: false },
      { text: 'screening', marked: true },
      { text: '. Then (', marked: false },
      { text: 'YOT', marked: true },
      { text: ')', marked: false },
    ]);
  });

  it('keeps text that looks like markup as text', () => {
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>')).toEqual([
      { text: '<script>alert(1)</script> ', marked: false },
      { text: 'x', marked: true },
    ]);
  });
});
