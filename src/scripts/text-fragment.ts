/**
 * Links that make the browser scroll to and highlight the searched words on the page they open, with text fragments
 * (`#clause-5-2:~:text=…`): no script on content pages. Built from Pagefind's excerpts, which are the page's text
 * with the matched words in `<mark>` and ". " added after every block that does not end in punctuation.
 */
import { unescapeAngles } from './excerpt.ts';

/** A word of an excerpt and, if it matched, the matched part without the punctuation around it. */
interface Word {
  text: string;
  term?: string;
  /** Punctuation touches the term on that side (`(YOT)`, `check.`), so no context can be joined there. */
  closedLeft: boolean;
  closedRight: boolean;
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const ENDS_IN_LETTER_OR_DIGIT = /[\p{L}\p{N}]$/u;
const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

function wordsOf(excerpt: string): Word[] {
  // Pagefind marks whole whitespace-separated words, so a mark never splits a word.
  const text = excerpt.replaceAll('<mark>', '\u0001').replaceAll('</mark>', '\u0002');
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const plain = unescapeAngles(raw.replaceAll('\u0001', '').replaceAll('\u0002', ''));
      const term = raw.includes('\u0001') ? plain.replace(EDGE_PUNCTUATION, '') : '';
      if (!term) return { text: plain, closedLeft: false, closedRight: false };
      return { text: plain, term, closedLeft: !plain.startsWith(term), closedRight: !plain.endsWith(term) };
    });
}

/** How many leading words of the excerpt are the heading it starts at (Pagefind adds "." after it), if it does. */
function headingLength(words: Word[], heading: string): number {
  const title = heading.split(/\s+/).filter(Boolean);
  if (title.length === 0 || words.length < title.length) return 0;
  const last = title.length - 1;
  const same = title.every((t, i) => words[i].text === t || (i === last && words[i].text === `${t}.`));
  return same ? title.length : 0;
}

/** Percent-encodes text for a directive, including the `-`, `,` and `&` its syntax reserves. */
function encode(text: string): string {
  return encodeURIComponent(text).replaceAll('-', '%2D');
}

function directive(start: string, prefix: string | undefined, suffix: string | undefined): string {
  return [prefix && `${encode(prefix)}-`, encode(start), suffix && `-${encode(suffix)}`].filter(Boolean).join(',');
}

/** A context word: a whole word not ending (prefix) or starting (suffix) in punctuation. */
function contextWord(word: Word | undefined, side: 'prefix' | 'suffix'): string | undefined {
  if (!word) return undefined;
  if (side === 'prefix') return ENDS_IN_LETTER_OR_DIGIT.test(word.text) ? word.text : undefined;
  return STARTS_WITH_LETTER_OR_DIGIT.test(word.text) ? word.text.replace(EDGE_PUNCTUATION, '') : undefined;
}

/**
 * Text directives for the first match of each different word in an excerpt, with a word of context either side
 * so the browser scrolls to it in this section rather than to the same word earlier on the page. Context never
 * crosses punctuation (it may be a block boundary Pagefind added) nor the section's heading: on a specification
 * page the clause's link and citation sit between heading and text, and the contents list repeats the heading.
 * Matches in the heading get no directive: the link's `#anchor` already lands on it (and `:target` marks it).
 * @example textDirectives('5.2 First check. The team <mark>screens</mark> people', '5.2 First check') // => ['team-,screens,-people']
 */
export function textDirectives(excerpt: string, heading = '', limit = 3): string[] {
  const words = wordsOf(excerpt);
  const inHeading = headingLength(words, heading);
  const directives: string[] = [];
  const seen = new Set<string>();
  for (let i = inHeading; i < words.length && directives.length < limit; i++) {
    const { term, closedLeft, closedRight } = words[i];
    if (!term || seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    const prefix = closedLeft || i === inHeading ? undefined : contextWord(words[i - 1], 'prefix');
    const suffix = closedRight ? undefined : contextWord(words[i + 1], 'suffix');
    directives.push(directive(term, prefix, suffix));
  }
  return directives;
}

/**
 * A result's address with text directives that scroll to and highlight its matched words. A browser that finds no
 * match, or has no text fragments, goes to the `#anchor` as usual.
 * @example highlightUrl('/specification/the-persons-journey/#clause-5-2', 'The team <mark>screens</mark> people')
 * // => '/specification/the-persons-journey/#clause-5-2:~:text=team-,screens,-people'
 */
export function highlightUrl(url: string, excerpt: string, heading = ''): string {
  const directives = textDirectives(excerpt, heading);
  if (directives.length === 0) return url;
  const [path, hash = ''] = url.split('#');
  return `${path}#${hash}:~:${directives.map((d) => `text=${d}`).join('&')}`;
}
