import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

// The steps that open a built site's files, run where a process may hold only 64 files open: a site of
// 1,000 pages then needs what 20,000 issues need under the usual limit of 1,024 (issue 23).
const SCRIPT = `
import { checkBuiltLinks } from ${JSON.stringify(path.resolve('src/content-rules/built-links.ts'))};
import { precompressDir } from ${JSON.stringify(path.resolve('cli/lib/precompress.ts'))};
const dir = process.argv[2];
const problems = await checkBuiltLinks(dir, { origin: 'https://example.org' });
const { compressed } = await precompressDir(dir);
console.log(JSON.stringify({ problems: problems.length, compressed }));
`;

describe('a site of many pages, with few file handles', { timeout: 60_000 }, () => {
  it('is checked and compressed without running out of file handles (EMFILE)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-file-handles-'));
    dirs.push(dir);
    const pages = 1000;
    for (let i = 0; i < pages; i++) {
      fs.mkdirSync(path.join(dir, `p${i}`));
      const body = `<h1>Synthetic page ${i}</h1><a href="/p${(i + 1) % pages}/">next</a> ${'synthetic words '.repeat(100)}`;
      fs.writeFileSync(path.join(dir, `p${i}/index.html`), `<!doctype html><title>p${i}</title>${body}`);
    }
    const script = path.join(dir, 'run.ts');
    fs.writeFileSync(script, SCRIPT);
    const result = spawnSync('bash', ['-c', 'ulimit -n 64 && exec "$0" "$@"', process.execPath, script, dir], {
      encoding: 'utf8',
    });
    expect(result.stderr).not.toContain('EMFILE');
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ problems: 0, compressed: pages });
  });
});
