/**
 * The word list behind the search page's spelling corrections: every word of three letters or more in the text
 * Pagefind indexes, most frequent first, one a line. Written at build time by `src/pages/search-words.txt.ts`.
 */

/** Named entities the rendered Markdown uses; any other `&…;` is dropped with the tags. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The text of rendered HTML: tags dropped, common entities decoded.
 * @example htmlText('<p>L&amp;D <em>screens</em></p>') // => ' L&D  screens  '
 */
export function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&([a-z0-9#]+);/gi, (_, name: string) => ENTITIES[name] ?? ' ');
}

/**
 * Counts the words of a text into `counts`: letters only (with inner apostrophes and hyphens split off), lowercased,
 * three letters or more. Shorter words are rarely misspelt beyond recognition, and leaving them out keeps the list small.
 * @example countWords('The team screens; the TEAM helps.').get('team') // => 2
 */
export function countWords(text: string, counts = new Map<string, number>()): Map<string, number> {
  for (const match of text.toLowerCase().matchAll(/\p{L}{3,}/gu)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  return counts;
}

/**
 * The list as served: most frequent first (the suggestion prefers the commoner of two equally near words), then A to Z.
 * @example wordList(new Map([['screening', 1], ['team', 3]])) // => 'team\nscreening\n'
 */
export function wordList(counts: Map<string, number>): string {
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  return words.length ? `${words.join('\n')}\n` : '';
}
