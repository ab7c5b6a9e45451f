import { describe, expect, it } from 'vitest';
import { matchedParts, mergeLocations } from './search-fragments.ts';

const at = (...locations: number[]) => locations.map((location) => ({ location, balanced_score: 1, weight: 1 }));

describe('matched parts of a page', () => {
  const data = {
    url: '/specification/the-persons-journey/',
    raw_content:
      'Service specification 2019 5. The journey. Intro words here. 5.2 First check. The team screens the person. Screening. A short check.',
    anchors: [
      { element: 'h2', id: 'clause-screening', text: '5.2 First check', location: 9 },
      { element: 'dt', id: 'term-screening', text: 'Screening', location: 17 },
    ],
    weighted_locations: [],
    meta: { title: '5. The journey' },
  };

  it('gives each heading one excerpt that leaves its heading out, best part first', () => {
    const parts = matchedParts(data, mergeLocations([at(14, 17), at(15)]));
    expect(parts.map((p) => p.id)).toEqual(['clause-screening', 'term-screening']);
    expect(parts[0].title).toBe('5.2 First check');
    expect(parts[0].excerpt).toBe(
      'The team <mark>screens</mark> <mark>the</mark> person.'.replace('<mark>the</mark>', 'the'),
    );
    expect(parts[0].words).toBe(2);
    expect(parts[1].excerpt).toBe('A short check.');
  });

  it('leaves the caption and title out of the opening excerpt', () => {
    const [opening] = matchedParts(data, mergeLocations([at(6)]));
    expect(opening.id).toBeUndefined();
    expect(opening.excerpt).toBe('<mark>Intro</mark> words here.');
  });
});
