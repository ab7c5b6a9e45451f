/**
 * Words the search treats specially, whatever the site says: stop words (never required, highlighted or
 * suggested) and irregular forms that Pagefind's stemmer cannot join (`child` and `children`). The programme's
 * own vocabulary is the editors' synonyms file (content/data/synonyms.yaml), not this.
 */

/**
 * Words that say how a question is asked rather than what it is about. Short English function words, question
 * words and the verbs people put in questions ("what does the specification say about consent").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by can
  could did do does doing done during each few for from further get gets got had has have having he her here hers
  him his how i if in into is it its itself just me more most my no nor not of off on once only or other our ours
  out over own same say says said she should so some such than that the their theirs them then there these they
  this those through to too under until up very was we were what when where which while who whom whose why will
  with would you your yours`.split(/\s+/),
);

/**
 * Irregular forms that mean the same thing: Pagefind's English stemmer joins `screen`/`screening` but not these.
 * Each group lists every form; a word in one group searches for the others too.
 */
const IRREGULAR: readonly (readonly string[])[] = [
  ['child', 'children', 'childs'],
  ['person', 'people', 'persons'],
  ['woman', 'women'],
  ['man', 'men'],
  ['wife', 'wives'],
  ['life', 'lives'],
  ['criterion', 'criteria'],
  ['analysis', 'analyses'],
  ['mouse', 'mice'],
  ['foot', 'feet'],
  ['tooth', 'teeth'],
];

const FORMS = new Map<string, readonly string[]>(IRREGULAR.flatMap((group) => group.map((word) => [word, group])));

/** A word compared without case and without punctuation at its ends (`custody,` is `custody`). */
export const bareWord = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}§]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Whether a word is a stop word.
 * @example isStopWord('The') // => true
 */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(bareWord(word));
}

/**
 * The other forms of an irregular word, or none.
 * @example otherForms('Children') // => ['child', 'childs']
 */
export function otherForms(word: string): string[] {
  const bare = bareWord(word);
  return (FORMS.get(bare) ?? []).filter((form) => form !== bare);
}
