import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPublishTarget, reportOnTarget } from './publish-target.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function folder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-target-'));
  made.push(dir);
  return dir;
}

describe('checking a target before building (deploy/release.sh check)', () => {
  it('accepts a folder that exists, and changes nothing in it', async () => {
    const dir = folder();
    const result = await checkPublishTarget({ type: 'folder', path: dir });
    expect(result).toMatchObject({ ok: true, output: 'ok' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder that does not exist, saying how to fix it', async () => {
    const dir = path.join(folder(), 'missing');
    const result = await checkPublishTarget({ type: 'folder', path: dir });
    expect(result.ok).toBe(false);
    expect(result.errors).toBe(
      `The target folder ${dir} does not exist. Create it once (see docs/deploy.md), then publish again.`,
    );
  });

  it('refuses a target whose releases/ is a file', async () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'releases'), '');
    const result = await checkPublishTarget({ type: 'folder', path: dir });
    expect(result.ok).toBe(false);
    expect(result.errors).toContain('releases is a file, not a folder');
  });
});

describe('the publishing status beside the live pages (deploy/release.sh report)', () => {
  it('is written into the live release’s admin folder, whole', async () => {
    const dir = folder();
    fs.mkdirSync(path.join(dir, 'releases/20150729T094200000Z-1'), { recursive: true });
    fs.symlinkSync('releases/20150729T094200000Z-1', path.join(dir, 'current'));
    const status = { state: 'publishing', at: '2015-07-29T09:45:00.000Z' } as const;
    expect((await reportOnTarget({ type: 'folder', path: dir }, status)).ok).toBe(true);
    const written = path.join(dir, 'releases/20150729T094200000Z-1/admin');
    expect(fs.readdirSync(written)).toEqual(['publish-status.json']);
    expect(JSON.parse(fs.readFileSync(path.join(written, 'publish-status.json'), 'utf8'))).toEqual(status);
  });

  it('is dropped while there is no live site to put it beside', async () => {
    const dir = folder();
    const result = await reportOnTarget(
      { type: 'folder', path: dir },
      { state: 'publishing', at: '2015-07-29T09:45:00Z' },
    );
    expect(result.ok).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
