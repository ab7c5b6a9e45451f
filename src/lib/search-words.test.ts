import { describe, expect, it } from 'vitest';
import { countWords, htmlText, wordList } from './search-words.ts';

describe('the spelling word list', () => {
  it('reads the words of rendered HTML, not its tags or entities', () => {
    const counts = countWords(
      htmlText('<h2 id="first-check">First check</h2><p>L&amp;D <em>screens</em> &ndash; 24/7</p>'),
    );
    expect([...counts.keys()].sort()).toEqual(['check', 'first', 'screens']);
  });

  it('lists each word once, most frequent first, lowercased', () => {
    const counts = countWords('Screening team. The team screens; the TEAM helps.');
    expect(wordList(counts)).toBe('team\nthe\nhelps\nscreening\nscreens\n');
    expect(wordList(new Map())).toBe('');
  });
});
