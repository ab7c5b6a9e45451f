import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './problems.ts';

/**
 * How many folders deep the content folder may go. The deepest the site reads is two
 * (`specification/2019/05-…md`); anything far deeper is a mistake, and 5,000 levels made the path
 * too long for the system to open.
 */
export const MAX_FOLDER_DEPTH = 16;

/** Names of the files the site reads, or shows: a folder or a special file with such a name is a mistake. */
const CONTENT_NAME = /\.(md|markdown|mdx|ya?ml|png|jpe?g|gif|webp|avif|svg)$/i;

/** What a special file is, in an editor's words. */
function kindOf(stat: fs.Stats): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (a FIFO), which a program writes into while another reads';
  if (stat.isSocket()) return 'a socket, a connection point for a running program';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device, such as a disk or a terminal';
  return undefined;
}

const REPLACE = 'Delete it, or replace it with an ordinary file saved in the content folder.';

/**
 * Entries of the content folder that are not ordinary files or folders, found before anything opens a
 * file: reading a named pipe waits forever, a device can be endless, a folder named like a page or a
 * link to a folder (to `/`, or to itself) sends every reader of the folder round and round or out of
 * it. Each is one error naming the file. Nothing is opened or followed: entries are only listed and
 * `lstat`ed, and a link's target `stat`ed. When these are found the check reports only them, since
 * every other rule reads the files.
 * @example oddFiles('content', displayPath) // => [{ severity: 'error', file: 'content/bulletins/2015-10.md', message: 'This is a named pipe …' }]
 */
export function oddFiles(contentDir: string, show: (file: string) => string): Problem[] {
  const problems: Problem[] = [];
  const error = (absolute: string, message: string, fix: string, expected?: string) =>
    problems.push({ severity: 'error', file: show(absolute), message, fix, ...(expected ? { expected } : {}) });
  const visit = (folder: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (failure) {
      error(
        folder,
        `The folder cannot be read (${(failure as NodeJS.ErrnoException).code ?? 'unknown reason'}).`,
        'Check that the folder is yours and can be opened, or move it out of the content folder.',
      );
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (CONTENT_NAME.test(entry.name)) {
          error(
            absolute,
            'This is a folder, but its name is that of a page, data file or picture: the site would try to read it as one.',
            'Rename the folder, or replace it with the file it is named for.',
            'a file',
          );
        } else if (depth + 1 > MAX_FOLDER_DEPTH) {
          error(
            absolute,
            `Folders go more than ${MAX_FOLDER_DEPTH} deep here: the site reads at most two levels, so nothing this deep is published, and the names get too long to open.`,
            'Move the files you need up into their collection’s folder, and delete the rest.',
          );
        } else visit(absolute, depth + 1);
        continue;
      }
      if (entry.isSymbolicLink()) {
        let target: fs.Stats;
        try {
          target = fs.statSync(absolute);
        } catch {
          error(
            absolute,
            'This is a link that leads nowhere: what it points to is missing, or it points to itself.',
            'Delete the link, or replace it with the file itself.',
          );
          continue;
        }
        if (target.isDirectory()) {
          error(
            absolute,
            `This is a link to a folder (${fs.readlinkSync(absolute)}). The site does not follow links to folders: they can lead out of the content folder, or round in a circle.`,
            'Replace the link with the folder itself, or delete it.',
            'a folder, not a link',
          );
        } else if (kindOf(target)) {
          error(absolute, `This is a link to ${kindOf(target)}, not a file the site can read.`, REPLACE, 'a file');
        }
        // A link to an ordinary file: whether it stays in the content folder is checked by safetyRules.
        continue;
      }
      if (entry.isFile()) continue;
      const stat = fs.lstatSync(absolute, { throwIfNoEntry: false });
      const kind = stat && kindOf(stat);
      if (kind) error(absolute, `This is ${kind}, not a file the site can read.`, REPLACE, 'a file');
    }
  };
  if (fs.existsSync(contentDir)) visit(contentDir, 0);
  return problems;
}
