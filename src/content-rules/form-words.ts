/**
 * A problem said in the CMS form's words. The rules are the same for `npm run check` and the CMS; only
 * the way of saying where differs: the terminal names the file and line, the form names the field by its
 * label and a place in the text by the words around it, and never shows Markdown syntax.
 */
import type { Problem } from './problems.ts';

/** A problem as the form shows it. */
export interface FormProblem {
  severity: Problem['severity'];
  /** The field's label, and for the text the words near the place: `Text, near “See clause 9.9”`. */
  where: string;
  message: string;
  fix?: string;
}

/** Ends a sentence once: no ".." when the words already end in a full stop, question or exclamation mark. */
export const sentence = (words: string) => (/[.!?…]["”’)]?$/.test(words.trim()) ? words.trim() : `${words.trim()}.`);

const basename = (src: string) => src.split(/[/\\]/).pop() || src;

/** Markdown syntax in a message, as words: images and links by what they say, code marks as quotes. */
export function withoutMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\(([^)]*)\)/g, (_, alt: string, src: string) =>
      src === '…' ? 'the image' : `the image ‘${basename(src)}’${alt ? ` (“${alt}”)` : ''}`,
    )
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, words: string, href: string) => `“${words}” (${href})`)
    .replace(/`([^`]+)`/g, '‘$1’')
    .replace(/\*\*([^*]+)\*\*/g, '$1');
}

/** The words a line of Markdown shows, without its syntax, cut to a few words. */
function wordsOf(line: string): string {
  const words = line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*|\|)/, '')
    .replace(/[*_`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = words.split(' ').slice(0, 8).join(' ');
  return cut.length < words.length ? `${cut}…` : cut;
}

/**
 * Where a problem is, in the form's words.
 * @param labels the form's labels by field name, dotted for a field inside another (`callToAction.closes`)
 * @param raw the file as the CMS would save it, to find the words around a line of the text
 */
export function formPlace(problem: Problem, labels: Record<string, string>, raw?: string, textLabel = 'Text'): string {
  if (problem.field) {
    const parts = problem.field.replace(/\[\d+\]/g, '').split('.');
    const own = labels[problem.field.replace(/\[\d+\]/g, '')] ?? labels[parts.at(-1)!] ?? parts.at(-1)!;
    return parts.length > 1 ? `${own} (${labels[parts[0]] ?? parts[0]})` : own;
  }
  if (!problem.line || raw === undefined) return textLabel;
  const lines = raw.split('\n');
  const end = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  if (problem.line - 1 <= end) return 'The form';
  // A picture by its file's name; else the line itself, or the nearest line above it with words.
  const image = /^\s*!\[[^\]]*\]\(([^)\s]*)[^)]*\)\s*$/.exec(lines[problem.line - 1] ?? '');
  if (image) return `${textLabel}, the image ‘${basename(image[1])}’`;
  for (let i = problem.line - 1; i > end; i--) {
    const words = wordsOf(lines[i] ?? '');
    if (words) return `${textLabel}, near “${words}”`;
  }
  return textLabel;
}

/** A problem in the form's words: its own (`problem.form`) when the rule gave them, else the message without Markdown. */
export function inFormWords(
  problem: Problem,
  labels: Record<string, string>,
  raw?: string,
  textLabel?: string,
): FormProblem {
  const where = formPlace(problem, labels, raw, textLabel);
  if (problem.form)
    return { severity: problem.severity, where, message: sentence(problem.form.message), fix: problem.form.fix };
  const missing = problem.message === 'This field is missing.';
  return {
    severity: problem.severity,
    where,
    message: sentence(withoutMarkdown(missing ? `${where} is empty` : problem.message)),
    fix: missing
      ? sentence(`Fill in ${where}${problem.expected ? `: ${withoutMarkdown(problem.expected.split('. ')[0])}` : ''}`)
      : sentence(withoutMarkdown(problem.fix)),
  };
}
