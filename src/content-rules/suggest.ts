/** Words that say nothing about which page, clause or heading a link means. */
const STOP_WORDS = new Set(
  'a an and are as at be by clause clauses for from heading here in is it its link more of on or our page read section see the this to with'.split(
    ' ',
  ),
);

const isNumber = (word: string) => /^\d/.test(word);

/**
 * The words of a text that can tell one target from another, lower case: numbers such as `5.2` are
 * kept whole, so that "clause 5.2" matches the heading "5.2 First check" and not "5.3".
 * @example significantWords('See clause 5.2: First check') // => ['5.2', 'first', 'check']
 */
export function significantWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, '')
    .match(/\d+(?:\.\d+)*|[\p{L}\d]+/gu);
  return [...new Set((words ?? []).filter((word) => !STOP_WORDS.has(word)))];
}

/**
 * The target a link's words point at, or nothing when that is not certain: the candidate sharing the
 * most significant words with the text, if it shares at least half of them and no other candidate
 * shares as many. Numbers count only when equal, never as near: a link to clause 9.9 is never told
 * it meant 9.1.
 * @example suggestByWords('the first check', [{ value: 'clause-5-2', words: '5.2 First check' }, { value: 'clause-5-3', words: '5.3 Referral' }]) // => 'clause-5-2'
 */
export function suggestByWords(
  text: string,
  candidates: readonly { value: string; words: string }[],
): string | undefined {
  const wanted = significantWords(text);
  if (wanted.length === 0) return undefined;
  let best: { value: string; shared: number } | undefined;
  let tied = false;
  const numbers = wanted.filter(isNumber);
  for (const candidate of candidates) {
    const words = new Set(significantWords(candidate.words));
    // "Clause 9.9" and the heading "9.1 Diversion" name different clauses, whatever else they share.
    const itsNumbers = [...words].filter(isNumber);
    if (numbers.length && itsNumbers.length && !numbers.some((n) => words.has(n))) continue;
    const shared = wanted.filter((word) => words.has(word)).length;
    if (shared === 0) continue;
    if (!best || shared > best.shared) {
      best = { value: candidate.value, shared };
      tied = false;
    } else if (shared === best.shared && candidate.value !== best.value) tied = true;
  }
  if (!best || tied || best.shared * 2 < wanted.length) return undefined;
  return best.value;
}
