import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { splitFrontmatter } from '../content-rules/frontmatter.ts';
import { nextIssueDate } from '../lib/cadence.ts';

/**
 * The date a new issue starts with in the CMS: the next one in the cadence after the newest issue in
 * the bulletins folder (today when there is none), as YYYY-MM-DD.
 * @example nextIssueDay('content/bulletins') // => '2015-07-27'
 */
export function nextIssueDay(folder: string, today = new Date()): string {
  const dates: Date[] = [];
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    if (!/^\d{4}-\d{2}\.mdx?$/.test(name)) continue;
    const split = splitFrontmatter(fs.readFileSync(path.join(folder, name), 'utf8'));
    if (!split.ok) continue;
    try {
      const date = (parse(split.yaml) as { date?: unknown } | null)?.date;
      if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) dates.push(new Date(date));
    } catch {
      // A file the check will report; it has no say in the next date.
    }
  }
  return nextIssueDate(dates, today).toISOString().slice(0, 10);
}
