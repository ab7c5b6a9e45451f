import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishedCopy, type PublishedCopy } from './published-copy.ts';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

let repo = '';
let copy: PublishedCopy | undefined;

function repository() {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-published-copy-'));
  fs.mkdirSync(path.join(repo, 'content/bulletins'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'content/bulletins/2015-01.md'), 'January\n');
  fs.writeFileSync(path.join(repo, 'README.md'), 'Not content\n');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'First');
}

afterEach(() => {
  copy?.close();
  copy = undefined;
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('publishedCopy', () => {
  it('holds only the content folder, as on the branch', () => {
    repository();
    copy = publishedCopy(repo, 'content', 'main');
    expect(fs.readFileSync(path.join(copy.contentDir, 'bulletins/2015-01.md'), 'utf8')).toBe('January\n');
    expect(fs.existsSync(path.join(copy.root, 'README.md'))).toBe(false);
  });

  it('does not follow a draft branch checked out in the repository, and follows the branch once it moves', () => {
    repository();
    copy = publishedCopy(repo, 'content', 'main');
    git(repo, 'checkout', '-q', '-b', 'cms/bulletins/2015-02');
    fs.writeFileSync(path.join(repo, 'content/bulletins/2015-02.md'), 'February\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'Draft');
    copy.update();
    expect(fs.existsSync(path.join(copy.contentDir, 'bulletins/2015-02.md'))).toBe(false);
    git(repo, 'checkout', '-q', 'main');
    git(repo, 'merge', '-q', 'cms/bulletins/2015-02');
    copy.update();
    expect(fs.readFileSync(path.join(copy.contentDir, 'bulletins/2015-02.md'), 'utf8')).toBe('February\n');
  });

  it('leaves no worktree behind once closed', () => {
    repository();
    copy = publishedCopy(repo, 'content', 'main');
    const { root } = copy;
    copy.close();
    copy = undefined;
    expect(fs.existsSync(root)).toBe(false);
    expect(git(repo, 'worktree', 'list')).not.toContain(root);
  });
});
