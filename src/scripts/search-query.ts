/**
 * What the search page makes of a query before Pagefind sees it: clause references turned into the clause's
 * number, the words people type joined to the words the site uses (content/data/synonyms.yaml), and the
 * smaller sets of words to try when every word together finds too little. Pure functions, no DOM.
 */

/** One synonym entry as the search page receives it (see src/schemas/synonyms.ts). */
export interface SynonymEntry {
  typed: string[];
  searchFor: string[];
}

/** A clause (`5.2`) or a whole section (`5`) the query names. */
export interface ClauseReference {
  kind: 'clause' | 'section';
  number: string;
}

/** One thing the reader asked for: a word, or a phrase a synonym entry knows, with what else it may be. */
export interface QueryUnit {
  /** As typed (a clause reference becomes its number). */
  text: string;
  /** The words the site uses for it, from the synonyms; searched for as well. */
  synonyms: string[];
}

export interface ParsedQuery {
  units: QueryUnit[];
  reference?: ClauseReference;
}

/** Most words a query may have for its smaller sets to be tried: 6 words make 62 sets, searched quickly. */
export const MAX_WORDS = 6;
/** Most Pagefind searches one set of words may expand into through synonyms. */
const MAX_VARIANTS = 6;

const NUMBER = String.raw`(\d{1,2}(?:\.\d{1,2}){0,2})`;
/** `clause 5.2`, `cl. 5.2`, `cl 5.2`, `§5.2`, `§ 5`, `section 5`, `sect. 5`, `s. 5`, `para 5.2`, `paragraph 5.2`. */
const NAMED_REFERENCE = new RegExp(
  String.raw`(?:^|\s)(clause|cl\.?|§|section|sect?\.?|s\.|para\.?|paragraph)\s*${NUMBER}(?=$|[\s,;:.?!)])`,
  'i',
);
/** A number with a point, `5.2`, standing on its own among the words. */
const CLAUSE_NUMBER = /(?:^|\s)(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?=$|[\s,;:?!)])/;

/**
 * Finds a clause or section reference in a query and writes it as the number the headings carry.
 * A number with a point is a clause; a whole number is a section when it is named (`section 5`, `§5`)
 * or is the whole query (`5`). A number inside other words (`wave 2`) is left alone.
 * @example findReference('cl. 5.2') // => { reference: { kind: 'clause', number: '5.2' }, query: '5.2' }
 * @example findReference('section 5') // => { reference: { kind: 'section', number: '5' }, query: '5' }
 */
export function findReference(query: string): { reference?: ClauseReference; query: string } {
  const named = NAMED_REFERENCE.exec(query);
  if (named) {
    const number = named[2];
    const rewritten = `${query.slice(0, named.index)} ${number} ${query.slice(named.index + named[0].length)}`;
    return { reference: { kind: number.includes('.') ? 'clause' : 'section', number }, query: tidy(rewritten) };
  }
  const bare = CLAUSE_NUMBER.exec(query);
  if (bare) return { reference: { kind: 'clause', number: bare[1] }, query: tidy(query) };
  if (/^\d{1,2}$/.test(query.trim()))
    return { reference: { kind: 'section', number: query.trim() }, query: query.trim() };
  return { query: tidy(query) };
}

const tidy = (text: string) => text.trim().replace(/\s+/g, ' ');
/** A word compared without case and without punctuation at its ends (`custody,` is `custody`). */
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}§]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Splits a query into units, joining words that a synonym entry lists as one phrase (longest first), and gives
 * each unit the words the site uses for it. Words repeated in the query count once.
 * @example parseQuery('juvenile custody', [{ typed: ['juvenile'], searchFor: ['children and young people'] }]).units
 * // => [{ text: 'juvenile', synonyms: ['children and young people'] }, { text: 'custody', synonyms: [] }]
 */
export function parseQuery(query: string, entries: readonly SynonymEntry[] = []): ParsedQuery {
  const { reference, query: rewritten } = findReference(query);
  const phrases = new Map<string, string[]>();
  for (const entry of entries) for (const typed of entry.typed) phrases.set(typedKey(typed), entry.searchFor);
  const longest = Math.max(1, ...[...phrases.keys()].map((k) => k.split(' ').length));
  const words = rewritten.split(' ').filter(Boolean);
  const units: QueryUnit[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length;) {
    let length = Math.min(longest, words.length - i);
    for (; length > 0; length--) {
      const key = typedKey(words.slice(i, i + length).join(' '));
      if (phrases.has(key) || length === 1) break;
    }
    const text = words.slice(i, i + length).join(' ');
    const key = typedKey(text);
    if (key && !seen.has(key)) {
      seen.add(key);
      units.push({ text, synonyms: (phrases.get(key) ?? []).filter((s) => typedKey(s) !== key) });
    }
    i += length;
  }
  return { units, reference };
}

/** How a typed phrase is looked up: each word bare, one space between. */
function typedKey(text: string): string {
  return text.split(/\s+/).map(bare).filter(Boolean).join(' ');
}

/**
 * The Pagefind searches for a set of units: every unit as typed, then with each unit's synonyms in its place,
 * at most MAX_VARIANTS searches. The first is always the words as typed.
 * @example variants([{ text: '24/7', synonyms: ['24 hours a day'] }, { text: 'police', synonyms: [] }])
 * // => ['24/7 police', '"24 hours a day" police']
 */
export function variants(units: readonly QueryUnit[]): string[] {
  let combos: string[][] = [[]];
  for (const unit of units) {
    // A synonym of several words is searched as a phrase: on its own, Pagefind matches "a" as the start of any word.
    const options = [unit.text, ...unit.synonyms.map((s) => (s.includes(' ') ? `"${s}"` : s))];
    combos = combos.flatMap((combo) => options.map((option) => [...combo, option]));
  }
  // Ordered by how many synonyms stand in: the words as typed first, then one synonym at a time.
  const swapped = (combo: string[]) => combo.filter((word, i) => word !== units[i].text).length;
  return [...combos]
    .sort((a, b) => swapped(a) - swapped(b))
    .slice(0, MAX_VARIANTS)
    .map((combo) => combo.join(' '));
}

/**
 * Smaller sets of units to try when all of them find too little, largest sets first. A query of one unit has none.
 * Only the first MAX_WORDS units are used.
 * @example subsets([a, b, c]) // => [[a, b], [a, c], [b, c], [a], [b], [c]]
 */
export function subsets<T>(units: readonly T[]): T[][] {
  const used = units.slice(0, MAX_WORDS);
  const all: T[][] = [];
  for (let mask = 1; mask < (1 << used.length) - 1; mask++) {
    all.push(used.filter((_, i) => mask & (1 << i)));
  }
  // Largest first; among sets of one size, those keeping the earlier words first (the order people type in).
  const rank = (set: T[]) => set.map((u) => used.indexOf(u));
  return all.sort((a, b) => b.length - a.length || compareRanks(rank(a), rank(b)));
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** The words a set of units reads as, for the line above its results: `screening children`. */
export const unitsText = (units: readonly QueryUnit[]) => units.map((u) => u.text).join(' ');
