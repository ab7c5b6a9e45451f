import { describe, expect, it } from 'vitest';
import { siteWords, spellingProblems } from './spelling.ts';

describe('spelling in British English', () => {
  it('warns once per unknown word in a file, at its first line, with suggestions', async () => {
    const text = '---\ntitle: "Synthetic"\n---\n\nThe team will recieve the referal.\n\nThey recieve it again.';
    const problems = await spellingProblems([{ file: '/tmp/x.md', shown: 'content/bulletins/x.md', text }], []);
    expect(problems.map((p) => [p.severity, p.line, p.message])).toEqual([
      ['warning', 5, '“recieve” is not in the British English dictionary or the site’s word list.'],
      ['warning', 5, '“referal” is not in the British English dictionary or the site’s word list.'],
    ]);
    expect(problems[0].expected).toContain('“receive”');
  });

  it('takes British spellings, the site’s own words, and leaves addresses alone', async () => {
    const text = 'The organisation’s programme centre, Nacro and HMCTS: https://example.org/zzqx-page';
    const problems = await spellingProblems(
      [{ file: '/tmp/y.md', shown: 'content/programme/y.md', text }],
      siteWords(),
    );
    expect(problems).toEqual([]);
  });
}, 60_000);
