/** A specification clause heading split into its number and title. */
export interface ClauseHeading {
  number: string;
  title: string;
}

const CLAUSE_HEADING = /^(\d+(?:\.\d+)+)\s+(.+)$/;

/**
 * Reads a clause number from a heading's text.
 * @example parseClauseHeading('3.2 Screening') // => { number: '3.2', title: 'Screening' }
 */
export function parseClauseHeading(text: string): ClauseHeading | undefined {
  const match = CLAUSE_HEADING.exec(text.trim());
  return match ? { number: match[1], title: match[2].trim() } : undefined;
}

/**
 * The anchor people cite for a clause number.
 * @example clauseAnchor('3.2') // => 'clause-3-2'
 */
export function clauseAnchor(number: string): string {
  return `clause-${number.replaceAll('.', '-')}`;
}

/**
 * The anchor a heading should carry: `clause-3-2` for a numbered clause, nothing otherwise.
 * @example anchorForHeading('3.2 Screening') // => 'clause-3-2'
 */
export function anchorForHeading(text: string): string | undefined {
  const clause = parseClauseHeading(text);
  return clause ? clauseAnchor(clause.number) : undefined;
}

/** A clause id: the `clause-` prefix, then lower-case words and numbers joined by hyphens. */
const CLAUSE_ID = /^clause-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether an anchor is a well-formed clause id.
 * @example isClauseId('clause-screening') // => true
 */
export function isClauseId(id: string): boolean {
  return CLAUSE_ID.test(id);
}

/**
 * The extra anchors an editor listed in a heading's `data-aliases` attribute, in order, without repeats.
 * @example parseAliases(' clause-old  clause-older ') // => ['clause-old', 'clause-older']
 */
export function parseAliases(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...new Set(value.split(/\s+/).filter(Boolean))];
}
