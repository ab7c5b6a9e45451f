/**
 * `npm run edit`: the CMS on this computer. Starts the dev server and decap-server (git mode: drafts,
 * reviews and publishing as branches of this repository), both on 127.0.0.1 only, prints the address
 * of the editor, and stops both on Ctrl+C. PORT sets the dev server's port (4321). With a publishing
 * target set (deploy/publish.yaml) and the site's address, each Publish now is also published there
 * (cli/lib/publish-on-change.ts); without them the admin page's status line says it is not set up.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startLocalGitServer } from './lib/local-git-server.ts';
import { startPublisher, type Publisher } from './lib/publish-on-change.ts';
import { describeTarget, loadPublishConfig, PUBLISH_CONFIG_FILE, PublishConfigError } from './lib/publish-target.ts';
import { publishedCopy, type PublishedCopy } from './lib/published-copy.ts';
import { addressProblem, SITE_ADDRESS_FILE, siteAddress } from '../src/lib/site-address.ts';
import { parsePublishStatus } from '../src/lib/publish-status.ts';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content');
const git = (...args: string[]) => execFileSync('git', ['-C', contentDir, ...args], { encoding: 'utf8' }).trim();
let repoRoot = '';
try {
  repoRoot = git('rev-parse', '--show-toplevel');
} catch {
  fail(
    `Error: ${contentDir} is not in a git repository.\n  The editor saves drafts, reviews and published entries as git branches and commits.\n  How to fix: run the command in a clone of the site's repository (git clone …), or set CONTENT_DIR to a content folder inside one.`,
  );
}
const branch = process.env.CMS_BRANCH ?? 'main';
try {
  git('rev-parse', '--verify', '--quiet', `refs/heads/${branch}`);
} catch {
  fail(
    `Error: the repository has no branch "${branch}" to publish to.\n  How to fix: create it, or set CMS_BRANCH to the branch the site is published from.`,
  );
}
// decap-server saves with `git add .`: a file git does not track yet, anywhere in the repository, would go
// into the next draft's commit and, with Publish now, onto the published branch.
const untracked = git('ls-files', '--others', '--exclude-standard', '--full-name', ':/').split('\n').filter(Boolean);
if (untracked.length > 0) {
  const shown = untracked.slice(0, 5).join(', ') + (untracked.length > 5 ? ` and ${untracked.length - 5} more` : '');
  fail(
    `Error: this repository has files git does not track yet: ${shown}.\n  The editor would commit them with the next draft it saves, and Publish now would put them on ${branch}.\n  How to fix: commit them, move them out of the repository, or add them to .gitignore; then run npm run edit again.`,
  );
}
if (git('status', '--porcelain', '--untracked-files=no')) {
  console.warn(
    'Warning: this repository has uncommitted changes. The editor switches branches while it saves drafts;\n  commit or stash your changes first if it cannot.',
  );
}

// decap-server works in the repository, switching its branches; the dev server and the check read a
// copy of the content as published, which follows the branch (cli/lib/published-copy.ts).
const published = publishedCopy(repoRoot, path.relative(repoRoot, contentDir), branch);
const following = setInterval(() => {
  try {
    published.update();
  } catch {
    // The branch is being written to: the next look brings the copy up to date.
  }
}, 1000);
// Publish means live: with a target in deploy/publish.yaml (PUBLISH_CONFIG for another file), each
// change to the branch (Publish now) is published there, and the admin page shows where it stands.
const publishConfig = path.resolve(
  process.env.PUBLISH_CONFIG ?? path.join(import.meta.dirname, '..', PUBLISH_CONFIG_FILE),
);
let publisher: Publisher | undefined;
let toPublish: PublishedCopy | undefined;
// What the admin page's status line says when Publish now puts nothing live (src/integrations/cms.ts).
const mainOnly = `Publish now saves the change to the ${branch} branch only. The live site changes when the developers publish it.`;
try {
  const { target } = loadPublishConfig(publishConfig);
  // A publish builds for the public address: without one, every Publish now would fail after a minute.
  const { url, source } = siteAddress(
    { ...process.env, LOCAL_PREVIEW: undefined },
    path.join(import.meta.dirname, '..', SITE_ADDRESS_FILE),
  );
  const address = addressProblem({ url, urlSource: source, localPreview: false });
  if (!target) {
    process.env.PUBLISH_NOT_SET_UP = mainOnly;
    delete process.env.PUBLISH_STATUS_FILE;
  } else if (address) {
    console.warn(
      `Warning: Publish now cannot put the site live at ${describeTarget(target)}: ${address.message.replace(/, so nothing was built\.$/, '.')}\n  How to fix: ${address.hint.split('; or')[0]}, then start the editor again. Until then Publish now merges into ${branch} only.`,
    );
    process.env.PUBLISH_NOT_SET_UP = `${mainOnly} (Publishing is set up, but the site's public address is not: ${SITE_ADDRESS_FILE}.)`;
    delete process.env.PUBLISH_STATUS_FILE;
  } else {
    console.log(
      `Publish now in the editor also puts the site live at ${describeTarget(target)} (deploy/publish.yaml).`,
    );
    process.env.PUBLISH_STATUS_FILE ??= path.join(import.meta.dirname, '..', '.build/publish/status.json');
    // A copy of its own: the build and the dev server must not share Astro's cache of one content folder.
    const copy = publishedCopy(repoRoot, path.relative(repoRoot, contentDir), branch);
    toPublish = copy;
    publisher = startPublisher(
      {
        contentDir: copy.contentDir,
        head: () => (copy.update(), copy.commit()),
        config: publishConfig,
        statusFile: process.env.PUBLISH_STATUS_FILE,
        log: (text) => console.log(text),
      },
      lastPublished(process.env.PUBLISH_STATUS_FILE) ?? copy.commit(),
    );
  }
} catch (error) {
  if (!(error instanceof PublishConfigError)) throw error;
  console.warn(`Warning: ${error.message}\n  Publish now will merge into ${branch} without putting the site live.`);
  process.env.PUBLISH_NOT_SET_UP = `${mainOnly} (The publishing settings could not be read: ask the developers.)`;
  delete process.env.PUBLISH_STATUS_FILE;
}
/**
 * What starting the editor takes as published: the branch as it is, unless the status file says a publish
 * from here failed or put another commit live (a Publish now merged while publishing could not work, as
 * with no site address): then that commit, so the branch is published at once and the editor's merge
 * does not wait for the next Publish now. No status file: nothing was ever published from here.
 */
function lastPublished(statusFile: string): string | undefined {
  try {
    const status = parsePublishStatus(JSON.parse(fs.readFileSync(statusFile, 'utf8')));
    if (status?.state === 'live') return status.commit;
    if (status?.state === 'failed') return 'the last publish failed';
  } catch {
    // No status yet.
  }
  return undefined;
}

const localGit = await startLocalGitServer(repoRoot, contentDir);
process.env.CMS_LOCAL_BACKEND_URL = localGit.url;
process.env.CMS_REPO_ROOT = published.root;
process.env.CMS_BRANCH = branch;
process.env.CONTENT_DIR = published.contentDir;
// A preview on this computer: the site may use its local address (src/site.config.ts).
process.env.LOCAL_PREVIEW = '1';

const { dev } = await import('astro');
const server = await dev({
  root: path.resolve(import.meta.dirname, '..'),
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4321) },
  devToolbar: { enabled: false },
  // With live reload on, every publish would reload the open editor and lose what it shows. Pages of
  // the site show changes on reload.
  vite: { server: { hmr: false } },
  logLevel: 'warn',
});
const origin = `http://127.0.0.1:${server.address.port}`;
await localGit.open(origin);
console.log(`The editor is ready: open ${origin}/admin/ in your browser.`);
console.log(`The site, with your published changes: ${origin}/`);
console.log('Press Ctrl+C to stop.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(following);
  await Promise.allSettled([server.stop(), localGit.close(), publisher?.stop()]);
  published.close();
  toPublish?.close();
  console.log('Stopped the editor and the dev server.');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
