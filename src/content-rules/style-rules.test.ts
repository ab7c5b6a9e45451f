import { describe, expect, it } from 'vitest';
import { styleProblems } from './style-rules.ts';

const messages = (file: string, text: string) => styleProblems(file, text).map((p) => `${p.line}: ${p.message}`);

describe('house style', () => {
  it('finds a word written twice in a row, whatever its case', () => {
    expect(
      messages('content/programme/x.md', '---\ntitle: "T"\n---\n\nThe work of the The National Programme.'),
    ).toEqual(['5: “the The”: the same word twice in a row.']);
  });

  it('finds “plain-English” and leaves “plain English” alone', () => {
    expect(messages('content/programme/x.md', 'A plain-English summary.\n\nIn plain English.')).toEqual([
      '1: “plain-English” is written with a hyphen here, and “plain English” elsewhere.',
    ]);
  });

  it('finds straight apostrophes where text reaches the page as written: frontmatter and data files', () => {
    const page =
      '---\ntitle: "The person\'s journey"\nsummary: "Children\'s and adults\' services"\n---\n\nThe person\'s needs.';
    expect(messages('content/specification/2019/05-x.md', page)).toEqual([
      "2: “person's” has a straight apostrophe ('), where the site’s text has curly ones (’).",
      "3: “Children's” has a straight apostrophe ('), where the site’s text has curly ones (’).",
      "3: “adults'” has a straight apostrophe ('), where the site’s text has curly ones (’).",
    ]);
    expect(messages('content/data/glossary.yaml', '- id: x\n  definition: "A person\'s needs"')).toHaveLength(1);
  });

  it('reads no address, code or YAML comment as prose', () => {
    const yaml = '# It\'s a comment: the the\n- url: "https://example.org/it\'s/the/the"\n  note: "`it\'s` code"';
    expect(messages('content/data/sources.yaml', yaml)).toEqual([]);
  });

  it('gives the fix in words an editor can act on', () => {
    const [problem] = styleProblems('content/data/glossary.yaml', 'definition: "a person\'s"');
    expect(problem).toMatchObject({ severity: 'warning', file: 'content/data/glossary.yaml', line: 1 });
    expect(problem.fix).toBe('Write “person’s”.');
  });
});
