/** A run of excerpt text, marked where it matched the search. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/**
 * Splits a Pagefind excerpt into plain and matched runs, so it can be shown without `innerHTML`.
 * Pagefind escapes only `<` and `>` in excerpts and wraps matched words in `<mark>`.
 * @example excerptParts('The L&D team <mark>screens</mark> people')
 * // => [{ text: 'The L&D team ', marked: false }, { text: 'screens', marked: true }, { text: ' people', marked: false }]
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  for (const chunk of excerpt.split(/(<mark>.*?<\/mark>)/s)) {
    const marked = chunk.startsWith('<mark>');
    const text = unescapeAngles(marked ? chunk.slice('<mark>'.length, -'</mark>'.length) : chunk);
    if (!marked) {
      push(text, false);
      continue;
    }
    // Pagefind marks whole words with their punctuation ("screening."); only the word itself is highlighted.
    const [, before, word, after] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text) ?? ['', '', text, ''];
    push(before, false);
    push(word, true);
    push(after, false);
  }
  return parts;
}

/** Undoes the only escaping Pagefind does in excerpts. */
export function unescapeAngles(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
}
