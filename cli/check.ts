/**
 * `npm run check`: checks every content file the way the build reads it and says, for each
 * problem, where it is, what was expected and how to fix it. Exits 1 on any error.
 * The build (cli/build.ts) runs the same check first.
 */
import { exitPlainlyOnError } from './lib/plain-errors.ts';
import { runCheck } from './lib/run-check.ts';

exitPlainlyOnError('npm run check');

process.exitCode = runCheck() ? 0 : 1;
