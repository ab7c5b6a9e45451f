import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkLinksOnServer, writtenLinks } from '../content-rules/built-links.ts';
import { checkContent } from '../content-rules/check-content.ts';
import { displayPath } from '../content-rules/display-path.ts';
import type { Problem } from '../content-rules/problems.ts';

/** An entry as the CMS would save it, to be checked before it is published. */
export interface EntryToCheck {
  /** The file, relative to the git repository: `content/bulletins/2015-07.md`. */
  path: string;
  /** The whole file as the CMS writes it. */
  raw: string;
  /** Images the entry adds (repository-relative), not yet on the main branch. */
  assets?: string[];
}

export interface CheckEntryOptions {
  repoRoot: string;
  contentDir: string;
  /** The project folder: its pages and public/ make the rest of the site's addresses. */
  root: string;
  buildDate: Date;
  /** A page of the running site by its address (the dev server's), for the entry's links; undefined if none. */
  fetchPage: (url: string) => Promise<string | undefined>;
}

/** A repository-relative path that stays inside the content folder, or undefined. */
function insideContent(relative: string, options: CheckEntryOptions): string | undefined {
  if (typeof relative !== 'string' || relative.includes('\0')) return undefined;
  const full = path.resolve(options.repoRoot, relative);
  const rel = path.relative(options.contentDir, full);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : undefined;
}

/**
 * What `npm run check` says about one entry, in the same words, as if it were saved into the content
 * folder as it is now: the content is copied to a temporary folder with the entry (and empty stand-ins
 * for its new images) in place, checked there, and the problems of that file returned with its real name.
 * Returns undefined for a path outside the content folder or not a Markdown or YAML file.
 */
export async function checkEntry(entry: EntryToCheck, options: CheckEntryOptions): Promise<Problem[] | undefined> {
  const rel = insideContent(entry.path, options);
  if (!rel || !/\.(md|mdx|yaml)$/.test(rel) || typeof entry.raw !== 'string') return undefined;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-cms-check-'));
  try {
    const copy = path.join(temp, 'content');
    fs.cpSync(options.contentDir, copy, { recursive: true });
    fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
    fs.writeFileSync(path.join(copy, rel), entry.raw);
    for (const asset of entry.assets ?? []) {
      const assetRel = insideContent(asset, options);
      if (!assetRel) continue;
      const target = path.join(copy, assetRel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (!fs.existsSync(target)) fs.writeFileSync(target, '');
    }
    const { problems } = checkContent({
      contentDir: copy,
      root: options.root,
      buildDate: options.buildDate,
    });
    const shown = displayPath(path.join(copy, rel));
    // Named as the CMS and the git host name it: relative to the repository.
    const real = path.relative(options.repoRoot, path.join(options.contentDir, rel)).split(path.sep).join('/');
    // Links are checked on the built site by the build; here, against the running site, in the same words.
    const links = rel.endsWith('.md') ? await checkLinksOnServer(writtenLinks(entry.raw), real, options.fetchPage) : [];
    return [
      ...problems
        .filter((p) => p.file === shown)
        .map((p) => ({ ...p, file: real, message: p.message.replaceAll(copy, options.contentDir) })),
      ...links,
    ];
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
