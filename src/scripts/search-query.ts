/**
 * What the search page makes of a query before Pagefind sees it: clause references turned into the clause's
 * number, stop words left out, and each word joined to its irregular forms and to the words the site uses
 * (content/data/synonyms.yaml). Pure functions, no DOM.
 */
import { bareWord, isStopWord, otherForms } from './search-vocabulary.ts';

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
  /** Its irregular forms (`children` for `child`); searched for as well, not announced. */
  forms: string[];
}

export interface ParsedQuery {
  /** The meaningful words and phrases, in the order typed. */
  units: QueryUnit[];
  /** Stop words typed, left out of the search. */
  stopWords: string[];
  reference?: ClauseReference;
}

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

/**
 * Splits a query into units, joining words that a synonym entry lists as one phrase (longest first), and gives
 * each unit the words the site uses for it and its irregular forms. Stop words are set aside (a phrase a
 * synonym entry knows keeps them). Words repeated in the query count once.
 * @example parseQuery('juvenile in custody', [{ typed: ['juvenile'], searchFor: ['children and young people'] }]).units
 * // => [{ text: 'juvenile', synonyms: ['children and young people'], forms: [] }, { text: 'custody', synonyms: [], forms: [] }]
 */
export function parseQuery(query: string, entries: readonly SynonymEntry[] = []): ParsedQuery {
  const { reference, query: rewritten } = findReference(query);
  const phrases = new Map<string, string[]>();
  for (const entry of entries) for (const typed of entry.typed) phrases.set(typedKey(typed), entry.searchFor);
  const longest = Math.max(1, ...[...phrases.keys()].map((k) => k.split(' ').length));
  const words = rewritten.split(' ').filter(Boolean);
  const units: QueryUnit[] = [];
  const stopWords: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length;) {
    let length = Math.min(longest, words.length - i);
    for (; length > 0; length--) {
      const key = typedKey(words.slice(i, i + length).join(' '));
      if (phrases.has(key) || length === 1) break;
    }
    const text = words.slice(i, i + length).join(' ');
    const key = typedKey(text);
    const synonyms = (phrases.get(key) ?? []).filter((s) => typedKey(s) !== key);
    if (length === 1 && synonyms.length === 0 && isStopWord(text)) stopWords.push(text);
    else if (key && !seen.has(key)) {
      seen.add(key);
      units.push({ text, synonyms, forms: length === 1 ? otherForms(text) : [] });
    }
    i += length;
  }
  return { units, stopWords, reference };
}

/** How a typed phrase is looked up: each word bare, one space between. */
function typedKey(text: string): string {
  return text.split(/\s+/).map(bareWord).filter(Boolean).join(' ');
}

/**
 * What Pagefind is asked for one unit: the words as typed, then its irregular forms and synonyms. A synonym of
 * several words is a phrase: on its own, Pagefind matches "a" as the start of any word.
 * @example alternatives({ text: 'juvenile', synonyms: ['children and young people'], forms: [] })
 * // => ['juvenile', '"children and young people"']
 */
export function alternatives(unit: QueryUnit): string[] {
  const phrase = (text: string) => (text.includes(' ') ? `"${text}"` : text);
  return [...new Set([phrase(unit.text), ...unit.forms, ...unit.synonyms.map(phrase)])];
}

/** The words a set of units reads as: `screening children`. */
export const unitsText = (units: readonly QueryUnit[]) => units.map((u) => u.text).join(' ');

/** One glossary term as the search page receives it (written into the page by search.astro). */
export interface GlossaryTerm {
  id: string;
  term: string;
  definition: string;
}

/**
 * A term or query compared loosely: lowercase, words only, stop words left out (as the query's are: `liaison
 * and diversion` is typed as `liaison diversion`), a plural `s` dropped from longer words.
 */
const termKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => !isStopWord(word))
    .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word))
    .join(' ');

/**
 * The glossary term a query asks for, if its meaningful words (or their synonyms) are the term, with or without
 * the term's abbreviation: `what is diversion` is "Diversion", `YOT` is "Youth offending team (YOT)".
 * @example glossaryMatch(parseQuery('what is a custody suite'), [{ id: 'custody-suite', term: 'Custody suite', definition: '…' }])?.id // => 'custody-suite'
 */
export function glossaryMatch(parsed: ParsedQuery, terms: readonly GlossaryTerm[]): GlossaryTerm | undefined {
  if (parsed.units.length === 0) return undefined;
  const typed = new Set([
    termKey(unitsText(parsed.units)),
    ...(parsed.units.length === 1 ? parsed.units[0].synonyms.map(termKey) : []),
  ]);
  return terms.find((t) => {
    const abbreviation = /\(([^)]+)\)\s*$/.exec(t.term)?.[1];
    const name = t.term.replace(/\s*\([^)]*\)\s*$/, '');
    return [name, t.term, abbreviation].some((form) => form && typed.has(termKey(form)));
  });
}
