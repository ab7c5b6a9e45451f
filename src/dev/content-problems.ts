/**
 * `astro dev` only (added by src/integrations/content-problems.ts): while the content has errors, every
 * page shows them in Astro's error overlay, in the words of `npm run check`, instead of an old or broken
 * page. The check runs again only when a file in the content folder has changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { defineMiddleware } from 'astro:middleware';
import { checkContent } from '../content-rules/check-content.ts';
import { ADMIN_PATH } from '../cms/paths.ts';
import { formatProblem, type Problem } from '../content-rules/problems.ts';
import { siteConfig } from '../site.config.ts';

/** Every file's name, time and size: a new fingerprint means something changed. */
function fingerprint(dir: string): string {
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const { mtimeMs, size } = fs.statSync(file);
      return `${file}:${mtimeMs}:${size}`;
    })
    .sort()
    .join('\n');
}

let last: { key: string; errors: Problem[] } | undefined;

/** The content's errors, checked again only when a content file has changed. */
function contentErrors(): Problem[] {
  const key = fingerprint(siteConfig.contentDir);
  if (last?.key !== key) {
    const { problems } = checkContent({
      contentDir: siteConfig.contentDir,
      root: process.cwd(),
      buildDate: siteConfig.buildDate,
    });
    last = { key, errors: problems.filter((problem) => problem.severity === 'error') };
  }
  return last.errors;
}

export const onRequest = defineMiddleware(async (context, next) => {
  // The CMS's admin page shows the check's problems in its preview, in the same words.
  if (context.url.pathname.startsWith(ADMIN_PATH)) return next();
  const errors = contentErrors();
  if (errors.length === 0) return next();
  const error = new AstroError(
    `${errors.length === 1 ? 'A content file has a problem' : `The content has ${errors.length} problems`} that \`npm run check\` also reports:\n\n${errors.map(formatProblem).join('\n\n')}`,
    'Fix each problem in the file named and save it: this page reloads by itself.',
  );
  // The overlay shows the first problem's lines of the file; its stack would only point into this code.
  const [first] = errors;
  Object.assign(error, { loc: { file: path.resolve(first.file), line: first.line ?? 1, column: 1 }, stack: '' });
  throw error;
});
