import path from 'node:path';
import {
  bulletinRules,
  cadenceWarnings,
  dataRules,
  linkAndImageRules,
  reviewWarnings,
  specificationRules,
  urlRules,
} from './content-rules.ts';
import { displayPath } from './display-path.ts';
import { sortProblems, type Problem } from './problems.ts';
import { readContent } from './read-content.ts';
import { safetyRules } from './safety-rules.ts';
import { buildSiteMap, currentVersion } from './site-map.ts';

export interface CheckOptions {
  /** The content folder (CONTENT_DIR). */
  contentDir: string;
  /** The project folder: its src/pages and public/ make the rest of the site's URLs. */
  root: string;
  /** "Today" for drafts, scheduled issues and review dates (BUILD_DATE). */
  buildDate: Date;
  /** The site's own address (SITE_URL): full links to it are checked like /paths. */
  origin: string;
}

export interface CheckResult {
  problems: Problem[];
  files: number;
}

/**
 * Checks all content the way the build will read it and returns every problem found,
 * errors (which stop the build) and warnings (which do not), in reading order.
 */
export function checkContent(options: CheckOptions): CheckResult {
  const read = readContent(options.contentDir, displayPath);
  const { entries, dataEntries } = read;
  const current = currentVersion(entries);
  const site = buildSiteMap(entries, dataEntries, options);
  const problems = [
    ...read.problems,
    ...safetyRules({ ...options, show: displayPath }),
    ...bulletinRules(entries, options.buildDate),
    ...urlRules(entries, current),
    ...specificationRules(entries),
    ...dataRules(dataEntries),
    ...linkAndImageRules(entries, site, { ...options, current }),
    ...cadenceWarnings(entries, displayPath(path.join(options.contentDir, 'bulletins'))),
    ...reviewWarnings(entries, options.buildDate),
  ];
  return { problems: sortProblems(problems), files: read.files };
}
