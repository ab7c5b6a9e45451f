import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems, summarise, type Problem } from './problems.ts';

const error: Problem = {
  severity: 'error',
  file: 'content/bulletins/2015-07.md',
  line: 3,
  field: 'date',
  message: 'Expected a date.',
  expected: 'date (YYYY-MM-DD)',
  fix: 'Write 2015-07-27.',
};
const warning: Problem = { severity: 'warning', file: 'content/bulletins', message: 'A gap.', fix: 'Ignore it.' };

describe('problems', () => {
  it('shows where, what, what was expected and how to fix it', () => {
    expect(formatProblem(error)).toBe(
      [
        'Error: content/bulletins/2015-07.md:3  field `date`',
        '  Expected a date.',
        '  Expected: date (YYYY-MM-DD)',
        '  How to fix: Write 2015-07-27.',
      ].join('\n'),
    );
    expect(formatProblem(warning)).toBe('Warning: content/bulletins\n  A gap.\n  How to fix: Ignore it.');
  });

  it('sorts by file and line', () => {
    expect(sortProblems([error, warning]).map((p) => p.severity)).toEqual(['warning', 'error']);
  });

  it('sums up', () => {
    expect(summarise([], 3)).toBe('Checked 3 files: no problems.');
    expect(summarise([warning], 1)).toBe('Checked 1 file: 1 warning. Warnings do not stop the build.');
    expect(summarise([error, error, warning], 2)).toBe(
      'Checked 2 files: 2 errors and 1 warning. Fix the errors above, then run `npm run check` again.',
    );
  });
});
