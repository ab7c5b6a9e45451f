import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendRelease, targetStatus } from './publish-target.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-publish-target-'));
  dirs.push(dir);
  return dir;
}

/** A small built site to send. */
function site(words: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), `<h1>${words}</h1>`);
  return dir;
}

const incoming = (root: string) =>
  fs.readdirSync(path.join(root, 'releases')).filter((n) => n.startsWith('.incoming-'));

describe('deploy/release.sh on a folder target: a publish that was killed (issue 23)', { timeout: 30_000 }, () => {
  it('leaves an unfinished upload that the next publish removes, with the lock held', async () => {
    const root = tempDir();
    const target = { type: 'folder' as const, path: root };
    expect((await sendRelease(target, site('First'), '20260101T000000000Z-1', 2)).ok).toBe(true);

    // A publish killed outright while its upload was arriving: its shell and tar get SIGKILL.
    const script = fs.readFileSync('deploy/release.sh', 'utf8');
    const killed = spawn('sh', ['-c', script, 'release.sh', 'publish', root, '20260101T000001000Z-2', '2'], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    const started = Date.now();
    while (incoming(root).length === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
    process.kill(-killed.pid!, 'SIGKILL');
    await new Promise((resolve) => killed.on('close', resolve));
    expect(incoming(root)).toEqual(['.incoming-20260101T000001000Z-2']);

    const next = await sendRelease(target, site('Second'), '20260101T000002000Z-3', 2);
    expect(next.ok, next.errors).toBe(true);
    expect(next.errors).toContain('Removed releases/.incoming-20260101T000001000Z-2');
    expect(incoming(root)).toEqual([]);
    expect((await targetStatus(target)).output).toBe('20260101T000002000Z-3 live\n20260101T000000000Z-1');
  });

  it('removes its own upload when it and its tar are stopped by a signal (Ctrl-C, the session ending)', async () => {
    const root = tempDir();
    const script = fs.readFileSync('deploy/release.sh', 'utf8');
    const stopped = spawn('sh', ['-c', script, 'release.sh', 'publish', root, '20260101T000001000Z-2', '2'], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    fs.mkdirSync(path.join(root, 'releases'), { recursive: true });
    const started = Date.now();
    while (incoming(root).length === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
    process.kill(-stopped.pid!, 'SIGTERM');
    await new Promise((resolve) => stopped.on('close', resolve));
    expect(incoming(root)).toEqual([]);
  });
});
