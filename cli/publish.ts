/**
 * `npm run publish`: what an editor runs to put the site on the web. Checks and builds the site exactly
 * as `npm run build` does (a failing check or build publishes nothing), then sends the new release to
 * the target the team set in deploy/publish.yaml and makes it live there in one step.
 *
 *   npm run publish                   # check, build, publish
 *   npm run publish -- --rollback     # put the release before the live one back, at once
 *   npm run publish -- --status       # the releases on the target, the live one marked
 *   npm run publish -- --config FILE  # other settings (tests); --dist DIR as for npm run build
 *
 * The target is checked first (exists, writable, reachable over ssh), before anything is built. Where
 * publishing stands (publishing, live, failed and why) is written beside the target's live pages as
 * /admin/publish-status.json, which the CMS shows (src/lib/publish-status.ts).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkPublishTarget,
  describeTarget,
  loadPublishConfig,
  PUBLISH_CONFIG_FILE,
  PublishConfigError,
  reportOnTarget,
  rollBack,
  sendRelease,
  targetStatus,
} from './lib/publish-target.ts';
import { commandOptions, fail } from './lib/command-options.ts';
import { exitPlainlyOnError } from './lib/plain-errors.ts';
import { liveRelease, releasePaths } from './lib/releases.ts';
import { failureReason, type PublishStatus } from '../src/lib/publish-status.ts';

exitPlainlyOnError('npm run publish');

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

const options = commandOptions(
  'npm run publish',
  {
    rollback: { type: 'boolean' },
    status: { type: 'boolean' },
    config: { type: 'string' },
    dist: { type: 'string' },
  },
  '  npm run publish publishes; add -- --rollback to go back to the previous release, or -- --status to list releases.',
);
const configFile = path.resolve(options.config ?? path.join(PROJECT_ROOT, PUBLISH_CONFIG_FILE));
let config;
try {
  config = loadPublishConfig(configFile);
} catch (error) {
  if (error instanceof PublishConfigError) fail(`${error.message}\nNothing was published.`);
  throw error;
}
const { target, keep } = config;
if (!target) {
  fail(
    `publishing is not set up for this copy of the project: ${path.relative(process.cwd(), configFile) || configFile} names no target.\n` +
      'The developers set it once (docs/deploy.md, "Publishing with npm run publish"); ask them. Nothing was built or published.',
  );
}
const where = describeTarget(target);
const now = () => new Date().toISOString();
// The commit being published, when the CI workflow or the publishing service says which.
const commit = process.env.PUBLISH_COMMIT ? { commit: process.env.PUBLISH_COMMIT } : {};

if (options.status) {
  const result = await targetStatus(target);
  if (!result.ok) fail(`could not read the releases at ${where}.\n${result.errors}`);
  console.log(
    result.output ? `Releases at ${where}, newest first:\n${result.output}` : `There are no releases at ${where} yet.`,
  );
} else if (options.rollback) {
  const result = await rollBack(target);
  if (!result.ok) fail(`${result.errors || `could not roll back at ${where}.`}`);
  console.log(
    `Rolled back: release ${result.output} is live again at ${where}.\n` +
      'The release you rolled back from is kept there. Fix what was wrong, then `npm run publish` again.',
  );
} else {
  // Before anything is built: a target that is missing, read-only or unreachable is found in seconds.
  const ready = await checkPublishTarget(target);
  if (!ready.ok) {
    const reason = ready.errors || `${where} cannot take a release.`;
    await report({ state: 'failed', at: now(), reason, ...commit });
    fail(`cannot publish to ${where}.\n${reason}\nNothing was built or published.`);
  }
  await report({ state: 'publishing', at: now(), ...commit });
  // The build works in a folder of its own: publishing to a target leaves the local dist/ alone. Not in
  // .build/, where a site is refused (cli/lib/dist-place.ts): it would be published inside another.
  const dist = options.dist ?? path.join(PROJECT_ROOT, '.publish/site');
  const built = await buildSite(dist);
  if (built.code !== 0) {
    await report({ state: 'failed', at: now(), reason: built.reason || 'the site could not be built.', ...commit });
    fail(`the build did not succeed (see above), so nothing was published. The live site at ${where} is unchanged.`);
  }
  const release = liveRelease(releasePaths(dist));
  if (!release) fail(`the build finished but left no site in ${dist}; nothing was published.`);
  console.log(`\nSending release ${path.basename(release)} to ${where}…`);
  const result = await sendRelease(target, release, path.basename(release), keep);
  if (!result.ok) {
    await report({
      state: 'failed',
      at: now(),
      reason: result.errors || `${where} did not take the release.`,
      ...commit,
    });
    fail(
      `the site was built but could not be published to ${where}. The live site there is unchanged.\n${result.errors}`,
    );
  }
  await report({ state: 'live', at: now(), release: result.output, ...commit });
  console.log(
    `Published: release ${result.output} is live at ${where}.\n` +
      'If something is wrong with it, `npm run publish -- --rollback` puts the previous release back at once.',
  );
}

/**
 * Tells the CMS where publishing stands: beside the target's live pages, and in PUBLISH_STATUS_FILE
 * when set (`npm run edit`'s dev server shows that one). A status that cannot be written never stops
 * a publish.
 */
async function report(status: PublishStatus) {
  const file = process.env.PUBLISH_STATUS_FILE;
  if (file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.new`, JSON.stringify(status));
    fs.renameSync(`${file}.new`, file);
  }
  await reportOnTarget(target!, status);
}

/**
 * Runs `npm run build` (cli/build.ts) for the site, its output passed through; resolves to its exit code
 * and, when it failed, its first error lines, for the CMS to show. Ctrl-C or SIGTERM stops it.
 */
function buildSite(dist: string): Promise<{ code: number; reason: string }> {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'cli/build.ts'), '--dist', dist], {
    stdio: ['inherit', 'pipe', 'pipe'],
    env: { ...process.env, PUBLISH_DESTINATION: where },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (process.stdout.write(chunk), (output += chunk)));
  child.stderr.on('data', (chunk: Buffer) => (process.stderr.write(chunk), (output += chunk)));
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', () => resolve({ code: 1, reason: '' }));
    child.on('close', (code, signal) => {
      for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(name, forward);
      // Ended by a signal: end this process the same way, so npm and the shell see an interrupted command.
      if (signal) process.kill(process.pid, signal);
      resolve({ code: code ?? 1, reason: failureReason(output) });
    });
  });
}
