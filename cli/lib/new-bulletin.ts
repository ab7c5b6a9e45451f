import fs from 'node:fs';
import path from 'node:path';
import { nextIssueDate } from '../../src/lib/cadence.ts';
import { contentCollections } from '../../src/lib/content-layout.ts';
import { bulletinSchema } from '../../src/schemas/bulletin.ts';
import { bulletinTemplate } from '../../src/content-rules/bulletin-template.ts';
import { splitFrontmatter } from '../../src/content-rules/frontmatter.ts';
import { parseYamlSource } from '../../src/content-rules/yaml-source.ts';
import { bulletinPath } from '../../src/lib/page-paths.ts';

/** The folder new issues go in. */
export function bulletinsFolder(contentDir: string): string {
  return path.join(contentDir, contentCollections.bulletins.folder);
}

/**
 * The dates of the issues that exist, drafts included: from each file's `date`, or from its
 * `YYYY-MM` name when the frontmatter cannot be read.
 */
export function existingIssueDates(contentDir: string): Date[] {
  const folder = bulletinsFolder(contentDir);
  if (!fs.existsSync(folder)) return [];
  return fs.globSync(contentCollections.bulletins.pattern, { cwd: folder }).flatMap((name) => {
    const split = splitFrontmatter(fs.readFileSync(path.join(folder, name), 'utf8'));
    const value = split.ok ? (parseYamlSource(split.yaml).value as { date?: unknown } | null) : undefined;
    if (value?.date instanceof Date) return [value.date];
    const month = /^(\d{4}-\d{2})\./.exec(name)?.[1];
    return month ? [new Date(`${month}-01`)] : [];
  });
}

/**
 * Reads `YYYY-MM-DD` as a date, or says what is wrong with it.
 * @example parseIssueDate('2015-07-27') // => { ok: true, date: 2015-07-27 }
 */
export function parseIssueDate(text: string): { ok: true; date: Date } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    return { ok: false, error: `"${trimmed}" is not a date written YYYY-MM-DD, such as 2015-07-27.` };
  }
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== trimmed) {
    return { ok: false, error: `${trimmed} is not a day of the calendar.` };
  }
  return { ok: true, date };
}

/** A new issue ready to write, or the reason it cannot be. */
export type IssuePlan = { ok: true; file: string; text: string; url: string } | { ok: false; error: string };

/**
 * Plans a new issue: its file (`bulletins/YYYY-MM.md`), its text, and its URL. Refuses a date
 * whose month already has an issue (as .md or .mdx) and a title the schema would reject.
 */
export function planIssue(contentDir: string, date: Date, title: string): IssuePlan {
  const month = date.toISOString().slice(0, 7);
  const folder = bulletinsFolder(contentDir);
  const file = path.join(folder, `${month}.md`);
  const taken = ['.md', '.mdx'].map((ext) => path.join(folder, `${month}${ext}`)).find((f) => fs.existsSync(f));
  if (taken) {
    return {
      ok: false,
      error: `${taken} already exists: there is an issue for ${month}. Nothing was written. Edit that file, or choose another date.`,
    };
  }
  const text = bulletinTemplate({ date, title });
  const titleCheck = bulletinSchema.shape.title.safeParse(title);
  if (!titleCheck.success) {
    return { ok: false, error: `The title must be 1 to 120 characters (it is ${title.length}). Nothing was written.` };
  }
  return { ok: true, file, text, url: bulletinPath({ id: month }) };
}

/**
 * Writes a file that must not exist yet, all at once: the text goes to a temporary file beside it,
 * which is then hard-linked into place (this fails if the file appeared meanwhile, so nothing is
 * ever overwritten) and removed. A reader never sees half a file.
 */
export function writeNewFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, text, { flag: 'wx' });
  try {
    fs.linkSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The next issue's proposed date, from the newest issue and the cadence. */
export function proposedDate(contentDir: string, today: Date): Date {
  return nextIssueDate(existingIssueDates(contentDir), today);
}
