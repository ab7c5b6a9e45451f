import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteSetAside, setAside } from './set-aside.ts';

const temp: string[] = [];
afterEach(() => temp.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('setAside, then deleteSetAside', () => {
  it('moves the folders there are out of the way, and deletes them only when asked', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'set-aside-test-'));
    temp.push(root);
    const trash = path.join(root, 'aside');
    fs.mkdirSync(path.join(root, 'dist/bulletins'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist/bulletins/index.html'), '<p>old</p>');
    setAside([path.join(root, 'dist'), path.join(root, 'missing')], trash);
    expect(fs.existsSync(path.join(root, 'dist'))).toBe(false);
    const [moved] = fs.readdirSync(trash);
    expect(moved).toMatch(/-0-dist$/);
    expect(fs.readFileSync(path.join(trash, moved, 'bulletins/index.html'), 'utf8')).toBe('<p>old</p>');
    deleteSetAside(trash);
    expect(fs.existsSync(trash)).toBe(false);
  });
});
