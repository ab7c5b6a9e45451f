/**
 * Spelling ("Showing results for *screening*"): the nearest words the site contains, from the word list the build
 * writes (`/search-words.txt`, most frequent first; see src/lib/search-words.ts). Fetched only when a typed word
 * matches nothing on the site.
 */
import { distance } from 'fastest-levenshtein';
import { isStopWord } from './search-vocabulary.ts';

/** Where the build writes the word list. */
export const WORD_LIST_URL = '/search-words.txt';

/**
 * Edits allowed between a typed word and a suggestion: none for words of four letters or fewer (most are real words,
 * and one edit makes another real word: `pays`, `says`), one up to seven letters, two for longer ones.
 */
const allowedEdits = (word: string) => (word.length <= 4 ? 0 : word.length <= 7 ? 1 : 2);

/**
 * Edits between two words, a swapped pair of neighbouring letters (`zehpyr`, `zephyr`) counting as one.
 * @example edits('zehpyr', 'zephyr') // => 1
 */
export function edits(a: string, b: string): number {
  if (a.length === b.length) {
    const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
    if (
      differ.length === 2 &&
      differ[1] === differ[0] + 1 &&
      a[differ[0]] === b[differ[1]] &&
      a[differ[1]] === b[differ[0]]
    )
      return 1;
  }
  return distance(a, b);
}

/**
 * The site's word nearest to `word`: the fewest edits, then the most frequent (earliest in `words`), never a
 * stop word and never a word with another first letter. Undefined when the word is on the site already, is a
 * number or a stop word, or nothing is near enough.
 * @example nearestWord('screning', ['the', 'screening', 'screen']) // => 'screening'
 */
export function nearestWord(word: string, words: readonly string[], known: ReadonlySet<string>): string | undefined {
  const typed = word.toLowerCase();
  if (known.has(typed) || !/^\p{L}{3,}$/u.test(typed) || isStopWord(typed)) return undefined;
  const limit = allowedEdits(typed);
  if (limit === 0) return undefined;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of words) {
    if (Math.abs(candidate.length - typed.length) >= bestDistance) continue;
    if (candidate[0] !== typed[0] || isStopWord(candidate)) continue;
    const d = edits(typed, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 1) break;
    }
  }
  return best;
}

/**
 * The query with each word the site does not contain replaced by its nearest word, or undefined if no word changed.
 * `only`, when given, lists the words that may change (those no page matched).
 * @example suggestQuery('screning children', ['children', 'screening']) // => 'screening children'
 */
export function suggestQuery(query: string, words: readonly string[], only?: readonly string[]): string | undefined {
  const known = new Set(words);
  let changed = false;
  const suggested = query.split(/\s+/).map((word) => {
    if (only && !only.includes(word)) return word;
    const near = nearestWord(word, words, known);
    if (!near) return word;
    changed = true;
    return near;
  });
  return changed ? suggested.join(' ') : undefined;
}

/**
 * A word cut to what its forms share, roughly as a stemmer would: `disabilities` and `disability` are
 * `disabilit`, `arrested` is `arrest`, `carers` is `carer`.
 */
const lightStem = (word: string) =>
  word
    .toLowerCase()
    .replace(/(ies|y)$/, 'i')
    .replace(/(es|s|ed|ing)$/, '')
    .replace(/e$/, '');

/**
 * Whether the site holds the word in some form: a word of the site's list starts with what its forms share.
 * Pagefind cannot say: a word no page holds matches the longest word of the index it starts with (`carers`
 * matches `care`, `vulnerabilties` matches `vulnerable`), so its results would count as the word. Words of
 * fewer than three letters and numbers are not in the list and count as held.
 * @example onSite('carers', new Set(['care', 'support'])) // => false
 * @example onSite('disabilities', new Set(['disability'])) // => true
 */
export function onSite(word: string, words: readonly string[]): boolean {
  const typed = word.toLowerCase();
  if (!/^\p{L}{3,}$/u.test(typed) || isStopWord(typed)) return true;
  const stem = lightStem(typed);
  return words.some((w) => w.startsWith(stem) || lightStem(w) === stem);
}

let list: Promise<string[]> | undefined;

/** Fetches the word list once, at the first search (a few kB). */
export function loadWords(): Promise<string[]> {
  list ??= fetch(WORD_LIST_URL)
    .then((response) => (response.ok ? response.text() : ''))
    .then((text) => text.split('\n').filter(Boolean))
    .catch(() => []);
  return list;
}
