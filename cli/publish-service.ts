/**
 * `npm run publish:service`: publishes the site each time the branch editors publish to moves, so that
 * "Publish now" in the CMS puts the site live with no one at a terminal. For a server of our own
 * (docs/deploy.md, "A publishing service"): run it there, under systemd, beside the repository the CMS
 * merges into. Each change runs `npm run publish` (target checked first, the check and the build, the
 * safe swap on the target, rollback kept) and writes where it stands for the CMS to show.
 *
 *   npm run publish:service                                  # this repository's main branch, deploy/publish.yaml
 *   npm run publish:service -- --repo /srv/git/site.git      # another repository (bare or not)
 *   npm run publish:service -- --branch live --config FILE   # another branch, other settings
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandOptions, fail } from './lib/command-options.ts';
import { startPublisher } from './lib/publish-on-change.ts';
import { publishedCopy } from './lib/published-copy.ts';
import { PUBLISH_CONFIG_FILE } from './lib/publish-target.ts';
import { parsePublishStatus } from '../src/lib/publish-status.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const options = commandOptions(
  'npm run publish:service',
  {
    repo: { type: 'string' },
    branch: { type: 'string' },
    config: { type: 'string' },
    content: { type: 'string' },
  },
  'It takes --repo, --branch, --config and --content.',
);
const repo = path.resolve(options.repo ?? PROJECT_ROOT);
const branch = options.branch ?? process.env.CMS_BRANCH ?? 'main';
const config = path.resolve(options.config ?? path.join(PROJECT_ROOT, PUBLISH_CONFIG_FILE));
// Where it remembers what it put live; PUBLISH_STATUS_FILE for another place (tests).
const statusFile = path.resolve(
  process.env.PUBLISH_STATUS_FILE ?? path.join(PROJECT_ROOT, '.build/publish/status.json'),
);
try {
  execFileSync('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`], { stdio: 'ignore' });
} catch {
  fail(
    `${repo} is not a git repository with a branch "${branch}". Give the repository the CMS publishes to with --repo.`,
  );
}

const copy = publishedCopy(repo, options.content ?? 'content', branch);
// What was live when the service last ran: the branch is published at once only if it moved since.
let lastLive: string | undefined;
try {
  const status = parsePublishStatus(JSON.parse(fs.readFileSync(statusFile, 'utf8')));
  if (status?.state === 'live') lastLive = status.commit;
} catch {
  // No status yet: publish the branch as it is.
}
const log = (text: string) => console.log(`${new Date().toISOString()} ${text}`);
log(`Publishing ${branch} of ${repo} each time it moves (settings: ${path.relative(PROJECT_ROOT, config)}).`);
const publisher = startPublisher(
  {
    contentDir: copy.contentDir,
    head: () => (copy.update(), copy.commit()),
    config,
    statusFile,
    log,
  },
  lastLive,
);
const stop = async () => {
  log('Stopping: a publish under way is finished first.');
  await publisher.stop();
  copy.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
