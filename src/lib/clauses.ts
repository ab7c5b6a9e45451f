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
