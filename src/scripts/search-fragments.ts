/**
 * One page's matches, from the fragments Pagefind returns for each word it holds: the word positions merged, and
 * the page cut into its parts (the text before the first heading, each heading with an id, each glossary term),
 * each with one excerpt that starts after its own heading. Pagefind's own sub-results are built from one search's
 * words and repeat the heading at the start of the excerpt; these follow its excerpt rules otherwise
 * (the densest run of matched words, `excerptLength` words long). Pure functions, no DOM.
 */
import { isStopWord } from './search-vocabulary.ts';

/** A matched word's position in the page's text (in words), and how much it counts. */
export interface WordLocation {
  location: number;
  balanced_score: number;
  weight: number;
  /** Which word of the query it matched (its index), once merged. */
  word?: number;
}

/** An element with an id that Pagefind saw, and where it starts in the page's words. */
export interface FragmentAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}

/** The parts of Pagefind's fragment data this reads. */
export interface FragmentData {
  url: string;
  raw_content?: string;
  anchors?: FragmentAnchor[];
  weighted_locations: WordLocation[];
  meta: { title?: string };
}

/** A part of a page that matched: its heading (none for the text before the first heading) and its excerpt. */
export interface MatchedPart {
  /** The heading's id; undefined for the page's opening text. */
  id?: string;
  /** The heading's text (a clause's number and title, a glossary term). */
  title: string;
  /** `h2`…`h6`, or `dt` for a glossary term. */
  element: string;
  /** The excerpt as Pagefind writes them: text escaped for `<` and `>`, matched words in `<mark>`. */
  excerpt: string;
  /** The sum of its matched words' scores. */
  score: number;
  /** How many different matched words it holds. */
  words: number;
}

/** Words in an excerpt: enough to show a sentence around the matched words. */
export const EXCERPT_WORDS = 30;

/** Elements whose id starts a part: headings below the title, and glossary terms. */
const PART_ELEMENT = /^(h[2-6]|dt)$/i;

/**
 * Merges the word positions of several fragments of one page (one per word searched), keeping each position once
 * and which word it matched.
 * @example mergeLocations([[{ location: 3, balanced_score: 1, weight: 1 }], [{ location: 3, balanced_score: 2, weight: 1 }]])
 * // => [{ location: 3, balanced_score: 2, weight: 1, word: 1 }]
 */
export function mergeLocations(lists: readonly (readonly WordLocation[])[]): WordLocation[] {
  const byLocation = new Map<number, WordLocation>();
  lists.forEach((list, word) => {
    for (const l of list) {
      const before = byLocation.get(l.location);
      if (!before || before.balanced_score < l.balanced_score) byLocation.set(l.location, { ...l, word });
    }
  });
  return [...byLocation.values()].sort((a, b) => a.location - b.location);
}

/** The start of the densest run of `length` words, by score (Pagefind's `calculate_excerpt_region`). */
function densest(locations: readonly WordLocation[], from: number, to: number, length: number): number {
  if (to - from <= length) return from;
  const scores = new Map<number, number>();
  for (const l of locations) scores.set(l.location, (scores.get(l.location) ?? 0) + l.balanced_score);
  let best = -1;
  let bestAt = from;
  for (let start = from; start <= to - length; start++) {
    let sum = 0;
    for (const [location, score] of scores) if (location >= start && location < start + length) sum += score;
    if (sum > best) {
      best = sum;
      bestAt = start;
    }
  }
  return bestAt;
}

/**
 * An excerpt of `words[from, to)`, `length` words around the matched words, each matched word in `<mark>` unless it
 * is a stop word (a phrase searched for marks them all).
 */
export function excerptOf(
  words: readonly string[],
  locations: readonly WordLocation[],
  from: number,
  to: number,
  length = EXCERPT_WORDS,
): string {
  const inside = locations.filter((l) => l.location >= from && l.location < to);
  const start = densest(inside, from, to, length);
  const end = Math.min(to, start + length);
  const marked = new Set(inside.map((l) => l.location));
  const text = words
    .slice(start, end)
    .map((word, i) => (marked.has(start + i) && !isStopWord(word) ? `<mark>${word}</mark>` : word))
    .join(' ');
  return `${start > from ? '… ' : ''}${text}${end < to ? ' …' : ''}`;
}

/** How many words a heading's text takes in the page's text. */
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The parts of a page holding matched words, best first: each heading (with an id) or glossary term with the
 * words up to the next one, and the opening text under the page's title. Each excerpt leaves out its heading.
 */
export function matchedParts(data: FragmentData, locations: readonly WordLocation[]): MatchedPart[] {
  const text = (data.raw_content ?? '').split(/\s+/);
  const anchors = (data.anchors ?? [])
    .filter((a) => PART_ELEMENT.test(a.element) && a.id && /\S/.test(a.text))
    .sort((a, b) => a.location - b.location);
  const title = data.meta.title ?? '';
  // The opening part's excerpt starts after the title (and anything above it, such as a caption). Pagefind ends a
  // heading with a full stop in the page's text when it has none, so words are compared without punctuation.
  const loose = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const titleWords = title.split(/\s+/).filter(Boolean).map(loose);
  const titleAt = text
    .slice(0, 20)
    .findIndex((_, i) => titleWords.length > 0 && titleWords.every((w, j) => loose(text[i + j] ?? '') === w));
  const titleEnd = titleAt >= 0 ? titleAt + titleWords.length : 0;
  const starts = [
    { element: 'h1', id: undefined as string | undefined, text: title, location: 0, skip: titleEnd },
    ...anchors.map((a) => ({ ...a, skip: wordCount(a.text) })),
  ];
  const parts: MatchedPart[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.location ?? text.length;
    const from = Math.min(end, start.location + start.skip);
    const inside = locations.filter((l) => l.location >= start.location && l.location < end);
    if (inside.length === 0) return;
    const body = inside.filter((l) => l.location >= from);
    const distinct = new Set(inside.map((l) => l.word ?? 0)).size;
    parts.push({
      id: start.id,
      title: start.text.trim(),
      element: start.element,
      excerpt: excerptOf(text, body.length > 0 ? body : inside, from, end),
      score: inside.reduce((sum, l) => sum + l.balanced_score, 0),
      words: distinct,
    });
  });
  return parts.sort((a, b) => b.words - a.words || b.score - a.score);
}
