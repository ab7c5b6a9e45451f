import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { takeLock } from './build-lock.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function lockFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-lock-'));
  made.push(dir);
  return path.join(dir, 'lock');
}

describe('takeLock', () => {
  it('makes a second taker wait, saying for whom, until the first releases', async () => {
    const file = lockFile();
    const first = await takeLock(file, () => {});
    const told: string[] = [];
    let second = false;
    const taking = takeLock(file, (who) => told.push(who), 20).then((lock) => {
      second = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second).toBe(false);
    expect(told).toEqual([
      expect.stringMatching(new RegExp(`^another build \\(process ${process.pid}, started at \\d\\d:\\d\\d\\)$`)),
    ]);
    first.release();
    (await taking).release();
    expect(second).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('takes over at once a lock left by a process that has ended', async () => {
    const file = lockFile();
    // A process that has certainly ended: it ran to completion before the lock is looked at.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    fs.writeFileSync(
      file,
      JSON.stringify({ pid: Number(ended.stdout), host: os.hostname(), started: '1', since: new Date().toISOString() }),
    );
    const told: string[] = [];
    const lock = await takeLock(file, (who) => told.push(who), 20);
    expect(told).toEqual([]);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose process number now belongs to another process (its start time differs)', async () => {
    const file = lockFile();
    fs.writeFileSync(
      file,
      JSON.stringify({
        pid: process.pid,
        host: os.hostname(),
        started: 'not-this-one',
        since: new Date().toISOString(),
      }),
    );
    const lock = await takeLock(file, () => {}, 20);
    lock.release();
  });
});
