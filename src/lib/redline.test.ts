import { describe, expect, it } from 'vitest';
import {
  diffText,
  redlineBlocks,
  redlineHeadingHtml,
  redlineHtml,
  similarity,
  similarityBound,
  type RedlinePart,
} from './redline.ts';

const side = (parts: RedlinePart[], drop: RedlinePart['type']) =>
  parts
    .filter((p) => p.type !== drop)
    .map((p) => p.text)
    .join('');
const show = (parts: RedlinePart[]) =>
  parts
    .map((p) => (p.type === 'deleted' ? `[-${p.text}-]` : p.type === 'inserted' ? `{+${p.text}+}` : p.text))
    .join('');

describe('word-level redline', () => {
  it('marks only the words that changed', () => {
    expect(diffText('The team screens people.', 'The team screens everyone.')).toEqual([
      { type: 'same', text: 'The team screens ' },
      { type: 'deleted', text: 'people' },
      { type: 'inserted', text: 'everyone' },
      { type: 'same', text: '.' },
    ]);
  });

  it('gives back both texts exactly, spaces and punctuation included', () => {
    const before = 'It was published on 1 April 2014, with Gateway reference 01528.  It was a draft.';
    const after = 'It was first published on 20 November 2019. It is version 10.';
    const parts = diffText(before, after);
    expect(side(parts, 'inserted')).toBe(before);
    expect(side(parts, 'deleted')).toBe(after);
  });

  it('folds a short word kept between two rewritten phrases into the edit', () => {
    expect(
      show(diffText('This summary has no detail of the model.', 'The team carries out a check of the person.')),
    ).toBe('[-This summary has no detail of the model-]{+The team carries out a check of the person+}.');
  });

  it('measures how much of two texts a comparison keeps', () => {
    expect(similarity('a b c d', 'a b c e')).toBe(0.75);
    expect(similarity('', '')).toBe(0);
  });

  it('never rules out a pair that a comparison would find similar enough', () => {
    // Words with punctuation attached, repeated and reordered: where counting whole words would not do.
    const vocabulary = [
      'the',
      'team',
      'screens,',
      'screens.',
      'people',
      '(adults)',
      "don't",
      'café',
      'a',
      'of',
      '12.3',
    ];
    let seed = 7;
    const pick = () => vocabulary[(seed = (seed * 16807) % 2147483647) % vocabulary.length];
    const sentence = () => Array.from({ length: 1 + (pick().length % 9) }, pick).join(pick().length % 2 ? ' ' : '  ');
    for (let i = 0; i < 500; i++) {
      const [before, after] = [sentence(), sentence()];
      expect(similarityBound(before, after)).toBeGreaterThanOrEqual(similarity(before, after));
    }
    expect(similarityBound('screens, people', 'screens. people')).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps unchanged blocks whole and pairs a changed block only with a similar one of its kind', () => {
    const blocks = redlineBlocks(
      [
        { kind: 'p', text: 'Same words.' },
        { kind: 'p', text: 'The team screens people quickly.' },
        { kind: 'p', text: 'Nothing like the rest.' },
      ],
      [
        { kind: 'p', text: 'Same words.' },
        { kind: 'li', list: 'ul', text: 'a new item' },
        { kind: 'p', text: 'The team screens everyone quickly.' },
      ],
    );
    expect(blocks.map((b) => b.type)).toEqual(['same', 'inserted', 'changed', 'deleted']);
  });

  it('writes deletions and insertions as del and ins that screen readers announce', () => {
    expect(
      redlineHtml(
        [{ kind: 'p', text: 'Screen people & record it.' }],
        [
          { kind: 'p', text: 'Screen everyone & record it.' },
          { kind: 'li', list: 'ul', text: 'needs' },
        ],
      ),
    ).toMatchInlineSnapshot(
      `"<p>Screen <del class="app-redline__deleted"><span class="nhsuk-u-visually-hidden" data-pagefind-ignore="">[start of deletion] </span>people<span class="nhsuk-u-visually-hidden" data-pagefind-ignore=""> [end of deletion]</span></del><ins class="app-redline__inserted"><span class="nhsuk-u-visually-hidden" data-pagefind-ignore="">[start of insertion] </span>everyone<span class="nhsuk-u-visually-hidden" data-pagefind-ignore=""> [end of insertion]</span></ins> &#x26; record it.</p><ul><li><ins class="app-redline__inserted"><span class="nhsuk-u-visually-hidden" data-pagefind-ignore="">[start of insertion] </span>needs<span class="nhsuk-u-visually-hidden" data-pagefind-ignore=""> [end of insertion]</span></ins></li></ul>"`,
    );
  });

  it('replaces a changed clause number whole in a heading', () => {
    const html = redlineHeadingHtml(
      { number: '13.1', title: 'Governance and costing' },
      { number: '13.4', title: 'Governance' },
    );
    const text = html
      .replace(/<span class="nhsuk-u-visually-hidden" data-pagefind-ignore="">[^<]*<\/span>/g, '')
      .replace(/<[^>]+>/g, '|');
    expect(text).toBe('|13.1||13.4| Governance| and costing|');
  });
});
