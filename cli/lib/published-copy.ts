import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PublishedCopy {
  /** The copy's content folder: what the dev server shows and the check compares with. */
  contentDir: string;
  /** The copy's root, standing for the repository in repository-relative paths. */
  root: string;
  /** Brings the copy up to the branch now, if it has moved. */
  update(): void;
  /** The commit of the branch the copy shows. */
  commit(): string;
  close(): void;
}

/**
 * The content folder as it is on the branch editors publish to, in a git worktree of its own that
 * follows the branch. decap-server checks out each draft's branch in the repository while it saves or
 * reads a draft; a dev server reading that folder would see drafts come and go mid-render (an image
 * gone while its issue is still listed), fail, and send Astro's error overlay to the open editor.
 * Only the content folder is checked out (sparse), and only at the branch's commits.
 * @example const copy = publishedCopy('/work/site', 'content', 'main'); setInterval(copy.update, 1000);
 */
export function publishedCopy(repoRoot: string, contentRel: string, branch: string): PublishedCopy {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-edit-published-'));
  // A copy left by an editor that was killed is forgotten once its folder is gone.
  git(repoRoot, 'worktree', 'prune');
  git(repoRoot, 'worktree', 'add', '--quiet', '--no-checkout', '--detach', root, branch);
  git(root, 'sparse-checkout', 'set', '--no-cone', `/${contentRel.split(path.sep).join('/')}/`);
  let shown = '';
  const update = () => {
    const head = git(repoRoot, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`);
    if (head === shown) return;
    git(root, 'checkout', '--quiet', '--detach', head);
    shown = head;
  };
  update();
  return {
    contentDir: path.join(root, contentRel),
    root,
    update,
    commit: () => shown,
    close() {
      fs.rmSync(root, { recursive: true, force: true });
      git(repoRoot, 'worktree', 'prune');
    },
  };
}
