import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeContent } from './lib/testing/content-fixture.ts';

const made: string[] = [];
afterEach(() => {
  // rm, as a tree 5,000 folders deep is too deep for one path.
  for (const dir of made.splice(0)) spawnSync('rm', ['-rf', dir]);
});

/**
 * Runs `npm run check` on synthetic content with one odd entry made by `make`. A killed check (a hang
 * on a named pipe) shows as `code: null`.
 */
function checkWith(make: (content: string) => void) {
  const dir = makeContent({});
  made.push(dir);
  make(dir);
  const result = spawnSync(process.execPath, ['cli/check.ts'], {
    env: { ...process.env, CONTENT_DIR: dir, BUILD_DATE: '2015-06-01' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}`.replaceAll(dir, 'content') };
}

// 400 levels of this, 4,400 characters, go past the longest path Linux opens (4,096), as 5,000 of `d/` did.
const LEVEL = 'folder0123';

const replaceIssue = (content: string) => {
  const file = path.join(content, 'bulletins/2015-04.md');
  fs.rmSync(file);
  return file;
};

describe('npm run check on entries that are not ordinary files (issue 23)', { timeout: 30_000 }, () => {
  it.each([
    ['a named pipe (FIFO) named like an issue', (c: string) => spawnSync('mkfifo', [replaceIssue(c)]), /named pipe/],
    [
      'a named pipe as a data file',
      (c: string) => {
        fs.rmSync(path.join(c, 'data/timeline.yaml'));
        spawnSync('mkfifo', [path.join(c, 'data/timeline.yaml')]);
      },
      /named pipe/,
    ],
    ['a folder named like an issue', (c: string) => fs.mkdirSync(replaceIssue(c)), /This is a folder/],
    [
      'a link to a named pipe',
      (c: string) => {
        // The pipe itself is outside the content folder, so the link is the one odd entry.
        const pipe = `${c}-pipe`;
        made.push(pipe);
        spawnSync('mkfifo', [pipe]);
        fs.symlinkSync(pipe, replaceIssue(c));
      },
      /link to a named pipe/,
    ],
    [
      'a link to a folder outside (/etc)',
      (c: string) => fs.symlinkSync('/etc', path.join(c, 'bulletins/etc')),
      /link to a folder \(\/etc\)/,
    ],
    ['a link to /', (c: string) => fs.symlinkSync('/', path.join(c, 'bulletins/root')), /link to a folder \(\/\)/],
    [
      'a link that leads to itself',
      (c: string) => fs.symlinkSync('loop.md', path.join(c, 'bulletins/loop.md')),
      /leads nowhere/,
    ],
  ])('%s: one error naming it, no hang, no stack trace', (_, make, says) => {
    const { code, output } = checkWith(make);
    expect(code).toBe(1);
    expect(output).toMatch(says);
    expect(output.match(/^Error: /gm)).toHaveLength(1);
    expect(output).toMatch(/^Error: content\/(bulletins|data|pipe)/m);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(output).not.toContain('passwd');
  });

  it('a socket and a device', () => {
    const socket = checkWith((c) => {
      const file = replaceIssue(c);
      spawnSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(file)})`]);
    });
    expect(socket.output).toContain('Error: content/bulletins/2015-04.md\n  This is a socket');
    const device = checkWith((c) => fs.symlinkSync('/dev/zero', replaceIssue(c)));
    expect(device.code).toBe(1);
    expect(device.output).toContain('Error: content/bulletins/2015-04.md\n  This is a link to a device');
  });

  it('folders 400 deep, a path longer than the system opens: one error at the depth limit', () => {
    const { code, output } = checkWith((c) => {
      // Made one level at a time, relative to the last, as the whole path is too long for one call.
      const script = `import os\nos.chdir(${JSON.stringify(path.join(c, 'bulletins'))})\nfor i in range(400):\n  os.mkdir(${JSON.stringify(LEVEL)}); os.chdir(${JSON.stringify(LEVEL)})`;
      expect(spawnSync('python3', ['-c', script]).status).toBe(0);
    });
    expect(code).toBe(1);
    expect(output.match(/^Error: /gm)).toHaveLength(1);
    expect(output).toMatch(/^Error: content\/bulletins(\/folder0123){16}\n {2}Folders go more than 16 deep/m);
  });
});
