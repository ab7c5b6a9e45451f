import fs from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../site.config.ts';
import {
  bulletinRules,
  cadenceWarnings,
  dataRules,
  directionControlRules,
  idRules,
  imageRules,
  reviewWarnings,
  specificationRules,
  unusedImageWarnings,
  versionRules,
} from './content-rules.ts';
import { SITE_ADDRESS_FILE, publicSiteAddress } from '../lib/site-address.ts';
import { displayPath } from './display-path.ts';
import { sortProblems, type Problem } from './problems.ts';
import { oddFiles } from './odd-files.ts';
import { readContent } from './read-content.ts';
import { safetyRules } from './safety-rules.ts';
import { standingWarnings } from './standing-rules.ts';
import { styleProblems } from './style-rules.ts';

export interface CheckOptions {
  /** The content folder (CONTENT_DIR). */
  contentDir: string;
  /** The project folder: images written `/assets/…` are in its public/ folder. */
  root: string;
  /** "Today" for drafts, scheduled issues and review dates (BUILD_DATE). */
  buildDate: Date;
}

export interface CheckResult {
  problems: Problem[];
  files: number;
}

/**
 * Checks all content the way the build will read it (links are checked on the built site: src/content-rules/built-links.ts) and returns every problem found,
 * errors (which stop the build) and warnings (which do not), in reading order.
 */
export function checkContent(options: CheckOptions): CheckResult {
  // A named pipe, a device or a link to a folder would hang or mislead every rule below, which read the files.
  const odd = oddFiles(options.contentDir, displayPath);
  if (odd.length) return { problems: odd, files: odd.length };
  const read = readContent(options.contentDir, displayPath);
  const { entries, dataEntries } = read;
  const problems = [
    ...read.problems,
    ...safetyRules({
      ...options,
      show: displayPath,
      siteUrl: publicSiteAddress(process.env, path.join(options.root, SITE_ADDRESS_FILE)),
    }),
    ...bulletinRules(entries, options.buildDate),
    ...idRules(entries),
    ...specificationRules(entries),
    ...versionRules(
      entries.flatMap((e) =>
        e.collection === 'specification' && e.data
          ? [{ file: e.file, line: e.lineOf(['version']), version: e.data.version, id: e.id }]
          : [],
      ),
      dataEntries
        .filter((d) => d.collection === 'specificationVersions')
        .map((d) => ({ id: d.id, status: String(d.data.status), file: d.file, line: d.line })),
    ),
    ...dataRules(dataEntries),
    ...directionControlRules(entries, dataEntries),
    ...imageRules(entries, options),
    ...unusedImageWarnings(read.images, entries, options, displayPath),
    ...cadenceWarnings(entries, displayPath(path.join(options.contentDir, 'bulletins'))),
    ...reviewWarnings(entries, options.buildDate),
    ...standingWarnings(dataEntries, siteConfig.specificationText),
    ...contentTextFiles(options.contentDir).flatMap(({ shown, text }) => styleProblems(shown, text)),
  ];
  return { problems: sortProblems(problems), files: read.files };
}

/** The content folder's text files (Markdown and YAML), with their text, as the check names them. */
export function contentTextFiles(contentDir: string): { file: string; shown: string; text: string }[] {
  if (!fs.existsSync(contentDir)) return [];
  return (fs.readdirSync(contentDir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile() && /\.(md|ya?ml)$/i.test(d.name) && !d.name.startsWith('.'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort()
    .map((file) => ({ file, shown: displayPath(file), text: fs.readFileSync(file, 'utf8') }));
}
