import fs from 'node:fs';
import path from 'node:path';
import {
  contentCollections,
  dataCollections,
  IMAGE_FILE,
  type ContentCollection,
  type DataCollection,
} from '../lib/content-layout.ts';
import type { BulletinData } from '../schemas/bulletin.ts';
import { contentSchemas, dataSchemas } from '../schemas/collections.ts';
import type { ProgrammeData } from '../schemas/programme.ts';
import type { SpecificationData } from '../schemas/specification.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { markdownFacts, type MarkdownFacts } from './markdown-facts.ts';
import type { Problem } from './problems.ts';
import { editorMessages, schemaProblems } from './schema-problems.ts';
import { entryId } from './entry-id.ts';
import { sourceText } from './source-text.ts';
import { safeToRead } from './safety-rules.ts';
import { parseYamlSource } from './yaml-source.ts';

/** The schema of each collection, by collection (src/schemas/collections.ts). */
export { contentSchemas, dataSchemas };

interface EntryBase {
  /** The file as shown to editors. */
  file: string;
  /** Path inside the collection's folder, with `/`: `2019/05-the-persons-journey.md`. */
  relPath: string;
  /** Astro's id for the entry, which its URL is made from. */
  id: string;
  lineOf: (path: readonly PropertyKey[]) => number;
  bodyLine: number;
  /** Images and whether there is text; absent when the text could not be read. */
  facts?: MarkdownFacts;
}

/** A Markdown entry with its valid data, or without data when its frontmatter has errors. */
export type ContentEntry =
  | (EntryBase & { collection: 'bulletins'; data?: BulletinData })
  | (EntryBase & { collection: 'specification'; data?: SpecificationData })
  | (EntryBase & { collection: 'programme'; data?: ProgrammeData });

/** One entry of a data file, with its valid data. */
export interface DataEntry {
  collection: DataCollection;
  file: string;
  line: number;
  id: string;
  data: Record<string, unknown>;
}

/** Everything read from the content folder, and the problems found in single files. */
export interface ContentRead {
  entries: ContentEntry[];
  dataEntries: DataEntry[];
  problems: Problem[];
  files: number;
  /** Picture files beside the entries (`IMAGE_FILE`), as absolute paths. */
  images: string[];
}

const NEW_ISSUE_HINT = '`npm run new:bulletin` writes a new issue with every field.';

/** Problems for a file that is not readable text. */
function textProblem(file: string, reason: 'empty' | 'binary' | 'encoding', line?: number): Problem {
  switch (reason) {
    case 'empty':
      return {
        severity: 'error',
        file,
        message: 'The file is empty.',
        expected: 'frontmatter between two `---` lines, then the text',
        fix: `Write the frontmatter and text, or delete the file. ${NEW_ISSUE_HINT}`,
      };
    case 'binary':
      return {
        severity: 'error',
        file,
        message:
          'The file is not text: it looks like a binary file, such as a Word document or an image, saved under a text name.',
        expected: 'plain text saved as UTF-8',
        fix: 'Copy the words into a plain-text editor and save them as UTF-8 text, or move the file out of the content folder.',
      };
    case 'encoding':
      return {
        severity: 'error',
        file,
        line,
        message:
          'The file is not UTF-8 text: this line has a character saved in another encoding (often Windows-1252, from Word or Excel).',
        expected: 'text saved as UTF-8',
        fix: 'Reopen the file in its old encoding and save it as UTF-8 (in VS Code: "Reopen with Encoding", then "Save with Encoding", UTF-8).',
      };
  }
}

/** A frontmatter line whose value starts with a curly quote, as Word and email write them: its field and quote. */
function curlyQuoted(line: string): { field: string; quote: string } | undefined {
  const match = /^\s*([\w.-]+):\s*([“”‘’„])/.exec(line);
  return match ? { field: match[1], quote: match[2] } : undefined;
}

/** A value in curly quotes: YAML takes only straight quotes as quotes, so the curly ones are part of the text. */
function curlyQuoteProblem(
  file: string,
  line: number,
  { field, quote }: { field: string; quote: string },
  severity: Problem['severity'],
): Problem {
  const straight = '‘’'.includes(quote) ? "'" : '"';
  return {
    severity,
    file,
    line,
    field,
    message:
      severity === 'error'
        ? `The value of \`${field}\` is in curly quotes (${quote}…), as Word and email write them. Only straight quotes (${straight}) mark where a value starts and ends, so a colon inside it breaks the line.`
        : `The value of \`${field}\` is in curly quotes (${quote}…), as Word and email write them: readers would see the quotes as part of the ${field}.`,
    expected: `the value between straight quotes: \`${field}: "…"\``,
    fix: `Replace the curly quotes around the value with straight ones (${straight}), typed in the editor rather than pasted.`,
  };
}

/** Reads one Markdown file of a collection: text, frontmatter, schema and images. */
function readEntry(
  collection: ContentCollection,
  absolute: string,
  relPath: string,
  show: (file: string) => string,
  problems: Problem[],
): ContentEntry {
  const file = show(absolute);
  const entry: EntryBase & { collection: ContentCollection; data?: unknown } = {
    collection,
    file,
    relPath,
    id: entryId(relPath),
    lineOf: () => 1,
    bodyLine: 1,
  };
  const text = sourceText(fs.readFileSync(absolute));
  if (!text.ok) {
    problems.push(textProblem(file, text.reason, text.line));
    return entry as ContentEntry;
  }
  const split = splitFrontmatter(text.text);
  if (!split.ok) {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message:
        split.reason === 'missing'
          ? 'The file has no frontmatter: the fields between two `---` lines at the top of the file.'
          : 'The frontmatter has no closing `---` line.',
      expected: 'a `---` line, the fields (such as `title: "…"`), then another `---` line',
      fix:
        split.reason === 'missing'
          ? 'Add the frontmatter at the top: see docs/editors/frontmatter.md for the fields.'
          : 'Add a line `---` after the last field, before the text.',
    });
  } else {
    const yaml = parseYamlSource(split.yaml, split.yamlLine);
    entry.lineOf = yaml.lineOf;
    entry.bodyLine = split.bodyLine;
    const lines = text.text.split(/\r?\n/);
    for (const error of yaml.errors) {
      const curly = curlyQuoted(lines[error.line - 1] ?? '');
      problems.push(
        curly
          ? curlyQuoteProblem(file, error.line, curly, 'error')
          : {
              severity: 'error',
              file,
              line: error.line,
              message: `The frontmatter is not valid YAML here: ${error.message}.`,
              expected: 'one `field: value` per line, nested fields indented by two spaces',
              fix:
                error.fix ??
                (error.code === 'DUPLICATE_KEY'
                  ? 'A field is written twice: keep one of the lines.'
                  : 'Put text that contains a colon, a # or quotes in double quotes (`title: "Bulletin: May 2015"`), and indent nested fields by two spaces.'),
            },
      );
    }
    if (yaml.errors.length === 0) {
      // Valid YAML, but the curly quotes would be shown as part of the words.
      for (let line = split.yamlLine; line < split.bodyLine - 1; line++) {
        const curly = curlyQuoted(lines[line - 1]);
        if (curly) problems.push(curlyQuoteProblem(file, line, curly, 'warning'));
      }
    }
    if (yaml.errors.length === 0) {
      const schema = contentSchemas[collection];
      const result = schema.safeParse(yaml.value ?? {}, { reportInput: true, error: editorMessages });
      if (result.success) entry.data = result.data;
      else problems.push(...schemaProblems(result.error.issues, schema, { file, lineOf: yaml.lineOf }));
    }
  }
  try {
    entry.facts = markdownFacts(text.text, { mdx: absolute.endsWith('.mdx') });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /^(\d+):\d+/.exec(message)?.[1];
    problems.push({
      severity: 'error',
      file,
      line: line ? Number(line) : undefined,
      message: `The MDX does not parse: ${message.replace(/^\d+:\d+(-\d+:\d+)?:\s*/, '')}`,
      expected: 'MDX where every tag is closed and every `{` has its `}`',
      fix: 'Close the tag or brace the message names, or write `\\{` for a literal brace. If the file needs no components, rename it to .md.',
    });
  }
  return entry as ContentEntry;
}

/** Reads one data file: a YAML list of entries, each checked against its schema. */
function readDataFile(
  collection: DataCollection,
  absolute: string,
  show: (file: string) => string,
  problems: Problem[],
): DataEntry[] {
  const file = show(absolute);
  if (!fs.existsSync(absolute)) {
    problems.push({
      severity: 'error',
      file,
      message: 'The data file is missing: the site reads it to build its tables.',
      expected: `a YAML list of ${collection} entries`,
      fix: 'Restore the file from git, or create it with the single line `[]` for an empty list.',
    });
    return [];
  }
  const text = sourceText(fs.readFileSync(absolute));
  if (!text.ok) {
    problems.push(textProblem(file, text.reason, text.line));
    return [];
  }
  const yaml = parseYamlSource(text.text, 1);
  for (const error of yaml.errors) {
    problems.push({
      severity: 'error',
      file,
      line: error.line,
      message: `The file is not valid YAML here: ${error.message}.`,
      expected: 'a list of entries, each starting `- id: …`, their fields indented to line up',
      fix:
        error.fix ??
        'Put text that contains a colon, a # or quotes in double quotes, and line up each entry’s fields under its `id`.',
    });
  }
  if (yaml.errors.length) return [];
  if (!Array.isArray(yaml.value)) {
    problems.push({
      severity: 'error',
      file,
      line: 1,
      message: 'The file is not a list of entries.',
      expected: 'a YAML list: each entry starts with `- id: …`',
      fix: 'Start each entry with a dash: `- id: "…"`, its other fields indented under it.',
    });
    return [];
  }
  const schema = dataSchemas[collection];
  const entries: DataEntry[] = [];
  const seen = new Map<string, number>();
  yaml.value.forEach((item, index) => {
    const line = yaml.lineOf([index]);
    const result = schema.safeParse(item, { reportInput: true, error: editorMessages });
    if (!result.success) {
      problems.push(...schemaProblems(result.error.issues, schema, { file, lineOf: yaml.lineOf, prefix: [index] }));
      return;
    }
    const data = result.data as Record<string, unknown>;
    const id = String(data.id);
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        file,
        line: yaml.lineOf([index, 'id']),
        field: 'id',
        message: `Two entries have the id "${id}" (the other is on line ${first}): the site would keep only one.`,
        expected: 'an id used by one entry only',
        fix: 'Give one of the entries a different id, or merge them.',
      });
      return;
    }
    seen.set(id, line);
    entries.push({ collection, file, line, id, data });
  });
  return entries;
}

/**
 * The problems of one file of a collection on its own, as `npm run check` words them: what the content
 * loaders (src/lib/checked-loader.ts) report when Astro's schema rejects a file.
 * @example checkOneFile('bulletins', '/site/content/bulletins/2015-07.md', displayPath) // => [{ severity: 'error', line: 4, field: 'summary', … }]
 */
export function checkOneFile(
  collection: ContentCollection | DataCollection,
  absolute: string,
  show: (file: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  if (collection in dataCollections) readDataFile(collection as DataCollection, absolute, show, problems);
  else {
    const base = path.join(path.dirname(absolute), collection === 'specification' ? '..' : '.');
    const relPath = path.relative(base, absolute).split(path.sep).join('/');
    readEntry(collection as ContentCollection, absolute, relPath, show, problems);
  }
  return problems;
}

/**
 * Reads every collection under `contentDir` as Astro's loaders would (same folders, patterns and
 * schemas) and reports what is wrong in each file on its own.
 */
export function readContent(contentDir: string, show: (file: string) => string): ContentRead {
  const problems: Problem[] = [];
  const entries: ContentEntry[] = [];
  const images: string[] = [];
  let files = 0;
  for (const [collection, layout] of Object.entries(contentCollections) as [
    ContentCollection,
    (typeof contentCollections)[ContentCollection],
  ][]) {
    const base = path.join(contentDir, layout.folder);
    if (!fs.existsSync(base)) continue;
    const matched = fs.globSync(layout.pattern, { cwd: base }).map((f) => f.split(path.sep).join('/'));
    matched.sort();
    for (const relPath of matched) {
      files++;
      if (!safeToRead(path.join(base, relPath), contentDir)) continue;
      entries.push(readEntry(collection, path.join(base, relPath), relPath, show, problems));
    }
    const matchedSet = new Set(matched);
    for (const stray of fs.readdirSync(base, { recursive: true, withFileTypes: true })) {
      // Hidden and MDX files are reported by safetyRules (src/content-rules/safety-rules.ts).
      if (!stray.isFile() || stray.name.startsWith('.') || stray.name.endsWith('.mdx')) continue;
      const rel = path.relative(base, path.join(stray.parentPath, stray.name)).split(path.sep).join('/');
      if (matchedSet.has(rel)) continue;
      // An entry's pictures live beside it; whether any entry shows them is checked with the links.
      if (IMAGE_FILE.test(stray.name)) {
        images.push(path.join(base, rel));
        continue;
      }
      problems.push({
        severity: 'warning',
        file: show(path.join(base, rel)),
        message: `The site does not read this file: ${layout.folder} files must match ${layout.pattern}.`,
        expected: `a file named like ${layout.pattern}`,
        fix: 'Rename it to .md, move it into the right folder, or move it out of the content folder. Pictures (.png, .jpg, .webp, .gif, .avif) may stay beside the page that shows them.',
      });
    }
  }
  const dataEntries: DataEntry[] = [];
  for (const [collection, relative] of Object.entries(dataCollections) as [DataCollection, string][]) {
    files++;
    const absolute = path.join(contentDir, relative);
    if (fs.existsSync(absolute) && !safeToRead(absolute, contentDir)) continue;
    dataEntries.push(...readDataFile(collection, absolute, show, problems));
  }
  return { entries, dataEntries, problems, files, images };
}
