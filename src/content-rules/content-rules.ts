import fs from 'node:fs';
import path from 'node:path';
import { bulletinCadence, cadenceGaps, describeCadence, monthOf } from '../lib/cadence.ts';
import { formatDate, formatMonth, isoDay } from '../lib/dates.ts';
import { normaliseTerm } from '../schemas/synonyms.ts';
import { SUMMARY_PLACEHOLDER } from './bulletin-template.ts';
import { isPublished } from '../lib/issue-visibility.ts';
import { RESERVED_SLUGS } from '../lib/specification-urls.ts';
import { sectionSlug } from '../lib/specification.ts';
import { contentImageFile, publicImageFile } from '../lib/content-guard.ts';
import type { Problem } from './problems.ts';
import { fieldName } from './schema-problems.ts';
import type { ContentEntry, DataEntry } from './read-content.ts';

type Bulletin = Extract<ContentEntry, { collection: 'bulletins' }>;

/** Whether readers of a production build see the entry: drafts and issues dated after the build are left out. */
const published = (entry: ContentEntry, buildDate: Date) =>
  entry.collection !== 'bulletins' || !entry.data || isPublished(entry.data, buildDate);
const bulletinsOf = (entries: readonly ContentEntry[]) =>
  entries.filter((e): e is Bulletin => e.collection === 'bulletins');

/** Entries that share a key, in groups of two or more. */
function clashes<T>(items: readonly T[], key: (item: T) => string | undefined): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

const others = (group: readonly ContentEntry[], self: ContentEntry) =>
  group
    .filter((e) => e !== self)
    .map((e) => e.file)
    .join(' and ');

/** One error for each entry of a group that shares the value of `field`, naming the others. */
function clashProblems<E extends ContentEntry>(
  group: readonly E[],
  field: string,
  say: (entry: E, others: string) => Pick<Problem, 'message' | 'expected' | 'fix'>,
): Problem[] {
  return group.map((entry) => ({
    severity: 'error',
    file: entry.file,
    line: entry.lineOf([field]),
    field,
    ...say(entry, others(group, entry)),
  }));
}

/** A bulletin's file is named for its month, its date is unique, and it has text. */
export function bulletinRules(entries: readonly ContentEntry[], buildDate: Date): Problem[] {
  const problems: Problem[] = [];
  const bulletins = bulletinsOf(entries);
  for (const entry of bulletins) {
    if (!entry.data) continue;
    const month = monthOf(entry.data.date);
    if (entry.id !== month) {
      problems.push({
        severity: 'error',
        file: entry.file,
        line: entry.lineOf(['date']),
        field: 'date',
        message: `The file name says ${entry.id}, but the issue is dated ${formatDate(entry.data.date)}.`,
        expected: `a file named for the year and month of its date: ${month}${path.extname(entry.relPath)}`,
        fix: `Rename the file to ${month}${path.extname(entry.relPath)}, or correct \`date\`.`,
      });
    }
    const out = published(entry, buildDate);
    if (entry.facts && !entry.facts.hasText) {
      problems.push({
        severity: out ? 'error' : 'warning',
        file: entry.file,
        line: entry.bodyLine,
        message: out
          ? 'The issue has no text: below the frontmatter there are only headings or comments.'
          : 'The issue has no text yet. It is unpublished, so this does not stop the build.',
        expected: 'the issue’s text below the frontmatter’s closing `---`',
        fix: out
          ? 'Write the issue under its headings, or set `draft: true` while it is being written.'
          : 'Write the issue under its headings before you publish it.',
      });
    }
    if (entry.data.summary === SUMMARY_PLACEHOLDER) {
      problems.push({
        severity: out ? 'error' : 'warning',
        file: entry.file,
        line: entry.lineOf(['summary']),
        field: 'summary',
        message: 'The summary is still the placeholder from `npm run new:bulletin`.',
        expected: 'one or two sentences on what this issue covers, at most 300 characters',
        fix: 'Replace the placeholder with the issue’s own summary.',
      });
    }
    const action = entry.data.callToAction;
    if (action && action.closes.getTime() < entry.data.date.getTime()) {
      problems.push({
        severity: 'warning',
        file: entry.file,
        line: entry.lineOf(['callToAction', 'closes']),
        field: 'callToAction.closes',
        message: `The call to action closes on ${formatDate(action.closes)}, before the issue’s date: readers will only ever see it as closed.`,
        expected: `a closing date on or after ${formatDate(entry.data.date)}`,
        fix: 'Check `callToAction.closes`: it is the last day readers can act.',
      });
    }
  }
  for (const group of clashes(
    bulletins.filter((b) => b.data),
    (b) => (b.data ? isoDay(b.data.date) : undefined),
  )) {
    // Files that are the same page (2015-05.md and 2015-05.mdx) are reported once, by idRules.
    if (new Set(group.map((e) => e.id)).size < 2) continue;
    problems.push(
      ...clashProblems(group, 'date', (entry, rest) => ({
        message: `Two issues have the date ${formatDate(entry.data!.date)}: this one and ${rest}.`,
        expected: 'one issue for each date',
        fix: 'Correct the date of one of them, or merge them into one issue.',
      })),
    );
  }
  return problems;
}

/** Two files of a collection may not have one id, such as `2015-05.md` and `2015-05.mdx`: they would be one page. */
export function idRules(entries: readonly ContentEntry[]): Problem[] {
  return clashes(entries, (e) => `${e.collection}/${e.id}`).flatMap((group) =>
    group.map((entry): Problem => ({
      severity: 'error',
      file: entry.file,
      message: `This file and ${others(group, entry)} have the same name but for the ending: only one of them would be published.`,
      expected: 'one file for each page',
      fix: 'Keep one of the files: delete the other, or rename it if it is a different page.',
    })),
  );
}

/** A section's `version` matches its folder, and each version numbers its sections once. */
export function specificationRules(entries: readonly ContentEntry[]): Problem[] {
  const problems: Problem[] = [];
  const sections = entries.filter(
    (e): e is Extract<ContentEntry, { collection: 'specification' }> => e.collection === 'specification' && !!e.data,
  );
  for (const entry of sections) {
    const folder = entry.relPath.split('/')[0];
    if (entry.data!.version !== folder) {
      problems.push({
        severity: 'error',
        file: entry.file,
        line: entry.lineOf(['version']),
        field: 'version',
        message: `The section is in the folder ${folder}/ but says \`version: "${entry.data!.version}"\`.`,
        expected: `\`version: "${folder}"\`, the name of its folder`,
        fix: `Set \`version: "${folder}"\`, or move the file into specification/${entry.data!.version}/.`,
      });
    }
  }
  for (const group of clashes(sections, (e) => `${e.data!.version} ${e.data!.section}`)) {
    problems.push(
      ...clashProblems(group, 'section', (entry, rest) => ({
        message: `Two sections of the ${entry.data!.version} specification are numbered ${entry.data!.section}: this one and ${rest}.`,
        expected: 'one section for each number in a version',
        fix: 'Renumber one of them (and its file name prefix).',
      })),
    );
  }
  return problems;
}

/** Warnings for months the cadence expected an issue in and none exists. */
export function cadenceWarnings(entries: readonly ContentEntry[], folder: string): Problem[] {
  const months = bulletinsOf(entries).flatMap((b) => (b.data ? [monthOf(b.data.date)] : []));
  const name = (m: string) => formatMonth(new Date(`${m}-01`));
  return cadenceGaps(months, bulletinCadence).map((gap) => ({
    severity: 'warning',
    file: folder,
    message: `No issue for ${name(gap.missing)}: the issues either side are ${name(gap.after)} and ${name(gap.before)}.`,
    expected: `an issue in ${name(gap.missing)}: the bulletin comes out ${describeCadence(bulletinCadence)} (src/lib/cadence.ts)`,
    fix: `Add the missing issue if there was one (\`npm run new:bulletin -- --date ${gap.missing}-01\`); if none came out, ignore this warning.`,
  }));
}

/** Warnings for programme pages whose review date has passed, naming who looks after them. */
export function reviewWarnings(entries: readonly ContentEntry[], buildDate: Date): Problem[] {
  return entries.flatMap((entry): Problem[] => {
    if (entry.collection !== 'programme' || !entry.data) return [];
    if (entry.data.reviewBy.getTime() >= buildDate.getTime()) return [];
    return [
      {
        severity: 'warning',
        file: entry.file,
        line: entry.lineOf(['reviewBy']),
        field: 'reviewBy',
        message: `The page was due for review by ${formatDate(entry.data.reviewBy)}. Owner: ${entry.data.owner}.`,
        expected: `a review date on or after ${formatDate(buildDate)}`,
        fix: `Ask ${entry.data.owner} to check the page, then set \`lastReviewed\` to the day it was checked and \`reviewBy\` to the next review date.`,
      },
    ];
  });
}

/**
 * Images without alt text or without a file. Links are checked on the built site instead
 * (src/content-rules/built-links.ts), where every page and heading really is.
 */
export function imageRules(
  entries: readonly ContentEntry[],
  options: { buildDate: Date; contentDir: string; root: string },
): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (!entry.facts) continue;
    // In an unpublished issue these are warnings: the issue is not in the build yet.
    const severity = published(entry, options.buildDate) ? 'error' : 'warning';
    for (const image of entry.facts.images) {
      if (!image.alt?.trim()) {
        problems.push({
          severity,
          file: entry.file,
          line: image.line,
          message: `The image ${image.src} has no alt text, so people who cannot see it are not told what it shows.`,
          expected:
            'a short description of what the image shows, in the square brackets: ![Map of the wave 2 schemes](…)',
          fix: 'Describe the image in the square brackets (or in `alt="…"` for an <img> tag).',
          form: {
            message: `Alt text of the image ‘${image.src.split('/').pop()}’ is empty: describe what it shows`,
            fix: 'Select the image in the text and write what it shows in its Alt Text box.',
          },
        });
      }
      const missing = missingImage(image.src, entry, options);
      if (missing) {
        problems.push({
          severity,
          file: entry.file,
          line: image.line,
          message: `The image ${image.src} does not exist: no file at ${missing}.`,
          expected: 'an image file next to the Markdown file (./name.png), or under public/ (/assets/name.png)',
          fix: 'Add the image file, or correct its name in the link.',
        });
      }
    }
  }
  return problems;
}

/** The file an image of an entry is read from; nothing for remote images. */
function imageFile(
  src: string,
  entry: ContentEntry,
  options: { contentDir: string; root: string },
): string | undefined {
  // Read as every other address is (src/lib/safe-html/urls.ts): another site's image is the safety rules' to report.
  return (
    publicImageFile(src, path.join(options.root, 'public')) ??
    contentImageFile(src, path.join(options.contentDir, entry.collection, entry.relPath))
  );
}

/** The file an image points at if it is missing; nothing for remote images or files that exist. */
function missingImage(
  src: string,
  entry: ContentEntry,
  options: { contentDir: string; root: string },
): string | undefined {
  const file = imageFile(src, entry, options);
  return !file || fs.existsSync(file) ? undefined : path.relative(process.cwd(), file) || file;
}

/**
 * Pictures beside the entries that no entry shows: most often a name typed differently in the link,
 * or a picture left behind. A warning, since an unused file harms nobody.
 */
export function unusedImageWarnings(
  images: readonly string[],
  entries: readonly ContentEntry[],
  options: { contentDir: string; root: string },
  show: (file: string) => string,
): Problem[] {
  const used = new Set(
    entries.flatMap((entry) => (entry.facts?.images ?? []).map((image) => imageFile(image.src, entry, options))),
  );
  return images
    .filter((file) => !used.has(file))
    .map((file) => ({
      severity: 'warning',
      file: show(file),
      message: 'No page shows this picture: no issue or page links to it.',
      expected: `a link to it in the issue it belongs to: ![What the picture shows](./${path.basename(file)})`,
      fix: 'Add that link to the issue (check the spelling of the name), or delete the picture if it is not needed.',
    }));
}

/** A word people type may lead to one synonym entry only: two would make the search's "Also searched for" ambiguous. */
export function synonymRules(dataEntries: readonly DataEntry[]): Problem[] {
  const owner = new Map<string, DataEntry>();
  const problems: Problem[] = [];
  for (const entry of dataEntries.filter((d) => d.collection === 'synonyms')) {
    for (const typed of entry.data.typed as string[]) {
      const key = normaliseTerm(typed);
      const first = owner.get(key);
      if (!first) {
        owner.set(key, entry);
        continue;
      }
      problems.push({
        severity: 'error',
        file: entry.file,
        line: entry.line,
        field: 'typed',
        message: `"${typed}" is in \`typed\` of two entries, "${first.id}" (line ${first.line}) and "${entry.id}": a search for it could not tell which words to add.`,
        expected: 'each word or phrase in `typed` of one entry only',
        fix: `Keep "${typed}" in one of the two entries, and move the other entry's \`searchFor\` words there if they are needed too.`,
      });
    }
  }
  return problems;
}

/** Timeline events cite sources by number: each number must be in data/sources.yaml. */
export function dataRules(dataEntries: readonly DataEntry[]): Problem[] {
  const sources = new Set(dataEntries.filter((d) => d.collection === 'sources').map((d) => d.id));
  const timeline = dataEntries.flatMap((entry): Problem[] => {
    if (entry.collection !== 'timeline') return [];
    const cited = (entry.data.sources as number[] | undefined) ?? [];
    return cited
      .filter((n) => !sources.has(String(n)))
      .map((n) => ({
        severity: 'error',
        file: entry.file,
        line: entry.line,
        field: 'sources',
        message: `The event "${entry.id}" cites source ${n}, which is not in data/sources.yaml.`,
        expected: sources.size
          ? `numbers of sources in data/sources.yaml (${[...sources].slice(0, 5).join(', ')}${sources.size > 5 ? ', …' : ''})`
          : 'numbers of sources in data/sources.yaml, which has none yet',
        fix: `Add source ${n} to data/sources.yaml, or correct the number.`,
      }));
  });
  return [...timeline, ...synonymRules(dataEntries)];
}

const VERSIONS_FILE = 'data/specification-versions.yaml';

/** A specification section, as the version rules need it: where it is, its version and its id. */
export interface VersionedSection {
  file: string;
  line?: number;
  version: string;
  /** The entry id: `2019/05-the-persons-journey`. */
  id: string;
}

/** An entry of data/specification-versions.yaml. */
export interface ListedVersion {
  id: string;
  status: string;
  file: string;
  line?: number;
}

/**
 * Sections and the list of versions agree: every version with sections is listed and every listed version
 * has sections, exactly one version (the newest) is current, and no section takes a name another page of
 * /specification/ uses. `npm run check` and the specification pages (src/lib/specification-versions.ts)
 * both ask this function.
 */
export function versionRules(sections: readonly VersionedSection[], listed: readonly ListedVersion[]): Problem[] {
  const problems: Problem[] = [];
  const versions = [...new Set(sections.map((s) => s.version))].sort((a, b) => b.localeCompare(a));
  const ids = new Set(listed.map((v) => v.id));
  const dataFile = listed[0]?.file ?? VERSIONS_FILE;
  for (const version of versions) {
    if (ids.has(version)) continue;
    const first = sections.find((s) => s.version === version)!;
    problems.push({
      severity: 'error',
      file: first.file,
      line: first.line,
      field: 'version',
      message: `The ${version} version has sections, but ${VERSIONS_FILE} does not list a version "${version}".`,
      expected: `an entry with \`id: "${version}"\` in ${VERSIONS_FILE}`,
      fix: `Add the ${version} version to ${VERSIONS_FILE} with its title, published date and status.`,
    });
  }
  for (const entry of listed) {
    if (versions.includes(entry.id)) continue;
    problems.push({
      severity: 'error',
      file: entry.file,
      line: entry.line,
      field: 'id',
      message: `The version "${entry.id}" is listed, but no section has \`version: "${entry.id}"\`.`,
      expected: `sections under specification/${entry.id}/`,
      fix: `Add its sections under specification/${entry.id}/, or remove the entry.`,
    });
  }
  const currents = listed.filter((v) => v.status === 'current');
  if (currents.length !== 1 || (versions[0] && currents[0].id !== versions[0])) {
    problems.push({
      severity: 'error',
      file: dataFile,
      line: currents[0]?.line,
      field: 'status',
      message: `Exactly one version, the newest ("${versions[0]}"), must be \`status: current\`; ${currents.length ? currents.map((c) => `"${c.id}"`).join(' and ') : 'none'} ${currents.length === 1 ? 'is' : 'are'}.`,
      expected: `\`status: current\` on "${versions[0]}" only`,
      fix: 'Mark the newest version `current` and the others `superseded`.',
    });
  }
  for (const section of sections) {
    const slug = sectionSlug(section.id);
    if (!RESERVED_SLUGS.includes(slug) && !/^\d{4}$/.test(slug)) continue;
    problems.push({
      severity: 'error',
      file: section.file,
      message: `A section cannot be named "${slug}": /specification/${slug}/ is the address of another page.`,
      expected: `a file name other than ${[...RESERVED_SLUGS, 'a year'].join(', ')}, after the number`,
      fix: 'Rename the file, for example after the section’s title.',
    });
  }
  return problems;
}

/**
 * Characters that reverse or isolate the direction of the text after them (U+202A to U+202E, U+2066 to
 * U+2069). Invisible in an editor, they make a title or address read differently on the page from the
 * text in the file ("Trojan Source"), so no field may carry them; right-to-left text itself is fine.
 */
const DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Each field of an entry or data file whose text holds a direction-changing control character. */
export function directionControlRules(entries: readonly ContentEntry[], dataEntries: readonly DataEntry[]): Problem[] {
  const problems: Problem[] = [];
  const visit = (value: unknown, at: PropertyKey[], report: (at: PropertyKey[], text: string) => void) => {
    if (typeof value === 'string') {
      if (DIRECTION_CONTROLS.test(value)) report(at, value);
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...at, index], report));
    else if (value && typeof value === 'object' && !(value instanceof Date))
      for (const [key, item] of Object.entries(value)) visit(item, [...at, key], report);
  };
  const problem = (file: string, line: number, at: PropertyKey[], text: string): Problem => {
    const code = text.match(new RegExp(DIRECTION_CONTROLS.source, 'g'))!;
    const names = [...new Set(code)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).join(', ');
    return {
      severity: 'error',
      file,
      line,
      field: fieldName(at),
      message: `\`${fieldName(at)}\` has invisible characters that change the direction of the text after them (${names}): readers would see it in another order than the file shows it.`,
      expected: 'text without direction-changing control characters',
      fix: `Type \`${fieldName(at)}\` again rather than pasting it: the characters are invisible, so deleting them one by one is hard.`,
    };
  };
  for (const entry of entries) {
    visit(entry.data, [], (at, text) => problems.push(problem(entry.file, entry.lineOf(at), at, text)));
  }
  for (const entry of dataEntries) {
    visit(entry.data, [], (at, text) => problems.push(problem(entry.file, entry.line, at, text)));
  }
  return problems;
}
