import fs from 'node:fs';
import { siteConfig } from '../../src/site.config.ts';
import { checkContent } from '../../src/content-rules/check-content.ts';
import { displayPath } from '../../src/content-rules/display-path.ts';
import { formatProblem, sortProblems, summarise, type Problem } from '../../src/content-rules/problems.ts';
import { isSystemError } from '../../src/lib/system-error.ts';
import { plainError } from './plain-errors.ts';

/** Where output goes; tests pass their own. */
export interface Output {
  log: (text: string) => void;
  error: (text: string) => void;
}

const console_: Output = { log: (t) => console.log(t), error: (t) => console.error(t) };

/**
 * Runs the content check with the site's settings (CONTENT_DIR, BUILD_DATE), prints
 * every problem and a summary, and returns whether the content may be built (no errors).
 * A failure of the check itself is reported in one sentence, without a stack trace.
 */
export function runCheck(out: Output = console_, more: readonly Problem[] = []): boolean {
  if (Number.isNaN(siteConfig.buildDate.getTime())) {
    out.error(
      `Error: BUILD_DATE="${process.env.BUILD_DATE}" is not a date.\n  Expected: a date like 2015-05-27.\n  How to fix: set BUILD_DATE=YYYY-MM-DD, or leave it unset to use today.`,
    );
    return false;
  }
  if (!fs.existsSync(siteConfig.contentDir)) {
    out.error(
      `Error: ${displayPath(siteConfig.contentDir)} has no content: the folder does not exist.\n  Expected: a content folder with bulletins/, programme/, specification/ and data/.\n  How to fix: run the command from the project folder, or set CONTENT_DIR to the content folder.`,
    );
    return false;
  }
  try {
    const checked = checkContent({
      contentDir: siteConfig.contentDir,
      root: process.cwd(),
      buildDate: siteConfig.buildDate,
    });
    const { files } = checked;
    const problems = sortProblems([...checked.problems, ...more]);
    for (const problem of problems) out.log(`${formatProblem(problem)}\n`);
    const ok = !problems.some((p) => p.severity === 'error');
    out.log(summarise(problems, files));
    return ok;
  } catch (error) {
    if (isSystemError(error)) {
      out.error(plainError(error, 'npm run check'));
      return false;
    }
    const message = error instanceof Error ? error.message : String(error);
    out.error(
      `Error: the content check itself failed: ${message}\n  This is a fault in cli/ rather than in the content. Tell the developers, with this message.`,
    );
    return false;
  }
}
