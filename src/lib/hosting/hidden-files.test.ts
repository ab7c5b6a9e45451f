import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { removeHiddenFiles } from './hidden-files.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

test('hidden files and folders leave the build, except /.well-known/ itself (not hidden files in it)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-hidden-'));
  made.push(dir);
  for (const file of [
    '.env',
    '.git/config',
    'assets/.DS_Store',
    'assets/logo.png',
    '.well-known/security.txt',
    '.well-known/.env',
    '.well-known/keys/.git/config',
    'a.b.html',
  ]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), 'synthetic');
  }
  expect(removeHiddenFiles(dir, ['/.well-known/'])).toEqual([
    '/.env',
    '/.git/',
    '/.well-known/.env',
    '/.well-known/keys/.git/',
    '/assets/.DS_Store',
  ]);
  const left = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  expect(left.map((d) => path.relative(dir, path.join(d.parentPath, d.name))).sort()).toEqual([
    '.well-known/security.txt',
    'a.b.html',
    'assets/logo.png',
  ]);
});
