import type { Problem } from './problems.ts';

/** One rule of the site's house style: what it finds in a line, and what to say. */
interface StyleRule {
  pattern: RegExp;
  /** Only where text reaches the page as written: frontmatter and data files, not Markdown's text. */
  verbatimOnly?: boolean;
  message: (match: RegExpExecArray) => string;
  expected: string;
  fix: (match: RegExpExecArray) => string;
}

// Markdown turns straight quotes into curly ones on the page, but frontmatter and data files reach the page as
// written: one straight apostrophe there sits beside curly ones in the text.
const STYLE_RULES: readonly StyleRule[] = [
  {
    pattern: /\b(\p{L}+)\s+(\1)\b/giu,
    message: (m) => `“${m[1]} ${m[2]}”: the same word twice in a row.`,
    expected: 'each word once',
    fix: (m) => `Delete one “${m[1]}”, or rewrite the sentence if both are meant.`,
  },
  {
    pattern: /\bplain-English\b/gu,
    message: () => '“plain-English” is written with a hyphen here, and “plain English” elsewhere.',
    expected: '“plain English”, as the NHS digital service manual writes it',
    fix: () => 'Write “plain English”, without the hyphen.',
  },
  {
    pattern: /(\p{L}+)'(\p{L}+|(?<=s')(?!\p{L}))/gu,
    verbatimOnly: true,
    message: (m) => `“${m[1]}'${m[2]}” has a straight apostrophe ('), where the site’s text has curly ones (’).`,
    expected: 'a curly apostrophe: ’',
    fix: (m) => `Write “${m[1]}’${m[2]}”.`,
  },
];

/** A line with what must not be read as prose taken out: YAML comments, addresses and code. */
function prose(line: string): string {
  return line
    .replace(/^\s*#(?!#).*$/, '') // a YAML comment (a Markdown heading starts with `# ` too, but is prose: see below)
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/`[^`]*`/g, ' ');
}

/**
 * The house style of the site's words, as warnings: a word written twice in a row ("the The"),
 * "plain-English" beside "plain English", and straight apostrophes beside curly ones. One file's text at a
 * time, Markdown or YAML; each warning gives the line.
 */
export function styleProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  const markdown = file.endsWith('.md');
  const lines = text.split('\n');
  // A Markdown file's frontmatter: from its first line, `---`, to the next `---`.
  const frontmatterEnd = markdown && lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1;
  lines.forEach((raw, index) => {
    const inText = markdown && index > frontmatterEnd;
    const line = inText && /^#{1,6}\s/.test(raw) ? raw.replace(/\bhttps?:\/\/\S+/g, ' ') : prose(raw);
    for (const rule of STYLE_RULES) {
      if (rule.verbatimOnly && inText) continue;
      for (const match of line.matchAll(rule.pattern)) {
        problems.push({
          severity: 'warning',
          file,
          line: index + 1,
          message: rule.message(match),
          expected: rule.expected,
          fix: rule.fix(match),
        });
      }
    }
  });
  return problems;
}
