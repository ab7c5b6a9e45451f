/** One thing wrong with the content, said the way an editor can act on it. */
export interface Problem {
  /** Errors stop the build; warnings are reported and the build goes on. */
  severity: 'error' | 'warning';
  /** The file, as the editor would open it: `content/bulletins/2015-07.md`. */
  file: string;
  line?: number;
  /** The frontmatter or data field, dotted: `callToAction.closes`. */
  field?: string;
  /** What happened. */
  message: string;
  /** What was expected there. */
  expected?: string;
  /** What to do about it. */
  fix: string;
  /** What the editor meant, when that is certain: a field name or a link's address. The fix says it in words. */
  suggestion?: string;
  /**
   * The problem in the CMS form's words, when the rule can say it better than its message without
   * Markdown (form-words.ts): no line, no syntax, the field by its label.
   */
  form?: { message: string; fix?: string };
}

/**
 * A problem as the terminal shows it: where, what happened, what was expected, how to fix it.
 * @example formatProblem({ severity: 'error', file: 'content/bulletins/2015-07.md', line: 3, field: 'date', ... })
 * // => 'error   content/bulletins/2015-07.md:3  date\n  Expected a date like ...'
 */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const lines = [
    `${problem.severity === 'error' ? 'Error' : 'Warning'}: ${where}${problem.field ? `  field \`${problem.field}\`` : ''}`,
  ];
  lines.push(`  ${problem.message}`);
  if (problem.expected) lines.push(`  Expected: ${problem.expected}`);
  lines.push(`  How to fix: ${problem.fix}`);
  return lines.join('\n');
}

/** Problems in reading order: by file, then line; errors before warnings in the same place. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/**
 * The closing line of a check: how many errors and warnings, and what happens next.
 * @example summarise([], 42) // => 'Checked 42 files: no problems.'
 */
export function summarise(problems: readonly Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (problems.length === 0) return `Checked ${count(files, 'file')}: no problems.`;
  const found = [errors && count(errors, 'error'), warnings && count(warnings, 'warning')]
    .filter(Boolean)
    .join(' and ');
  return errors
    ? `Checked ${count(files, 'file')}: ${found}. Fix the errors above, then run \`npm run check\` again.`
    : `Checked ${count(files, 'file')}: ${found}. Warnings do not stop the build.`;
}
