/**
 * `npm run check`: checks every content file the way the build reads it and says, for each
 * problem, where it is, what was expected and how to fix it. Exits 1 on any error.
 * The build (cli/build.ts) runs the same check first with `--no-spelling`: a spelling slip is a warning
 * for the editor, never a reason to stop a build, and spelling 1,000 issues takes minutes.
 */
import fs from 'node:fs';
import { contentTextFiles } from '../src/content-rules/check-content.ts';
import { displayPath } from '../src/content-rules/display-path.ts';
import { oddFiles } from '../src/content-rules/odd-files.ts';
import { spellingProblems } from '../src/content-rules/spelling.ts';
import { siteConfig } from '../src/site.config.ts';
import { exitPlainlyOnError } from './lib/plain-errors.ts';
import { runCheck } from './lib/run-check.ts';

exitPlainlyOnError('npm run check');

// Spelling reads every text file, so it waits until there is no odd file (a named pipe would hang it):
// runCheck reports those, one error each.
const readable =
  !process.argv.includes('--no-spelling') &&
  fs.existsSync(siteConfig.contentDir) &&
  oddFiles(siteConfig.contentDir, displayPath).length === 0;
const spelling = readable ? await spellingProblems(contentTextFiles(siteConfig.contentDir)) : [];
process.exitCode = runCheck(undefined, spelling) ? 0 : 1;
