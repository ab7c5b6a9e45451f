import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { plainError } from './plain-errors.ts';

const systemError = (code: string, syscall: string, file?: string) =>
  Object.assign(new Error(`${code}: failed, ${syscall}`), { code, syscall, ...(file ? { path: file } : {}) });

describe('plainError', () => {
  it.each([
    [
      'ENOSPC',
      /^Error: The disk is full \(write \/tmp\/site\/index\.html\.gz\)\. \[ENOSPC\]\n {2}Hint: Free some space/,
    ],
    ['EMFILE', /^Error: Too many files were open at once \(open .*\)\. \[EMFILE\]\n {2}Hint: Raise the limit/],
    [
      'EXDEV',
      /^Error: A file could not be moved from one disk to another .*\[EXDEV\]\n {2}Hint: Use folders on the same disk/,
    ],
  ])('says %s in plain words, with the file and what to do', (code, says) => {
    const syscall = code === 'ENOSPC' ? 'write' : code === 'EMFILE' ? 'open' : 'rename';
    expect(plainError(systemError(code, syscall, '/tmp/site/index.html.gz'), 'npm run build')).toMatch(says);
  });

  it('calls any other error a fault in the build, without its stack', () => {
    const words = plainError(new TypeError('x is undefined'), 'npm run build');
    expect(words).toBe(
      'Error: npm run build stopped: x is undefined\n  This is a fault in the build rather than in the content. Tell the developers, with this message.',
    );
  });
});

describe('exitPlainlyOnError', () => {
  it('ends a command that throws with the plain words and exit code 1, no stack trace', () => {
    const script = `
      import { exitPlainlyOnError } from ${JSON.stringify(new URL('./plain-errors.ts', import.meta.url).pathname)};
      exitPlainlyOnError('npm run check');
      await Promise.reject(Object.assign(new Error('EMFILE: too many open files, open'), { code: 'EMFILE', syscall: 'open', path: 'content/a.md' }));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Error: Too many files were open at once (open content/a.md). [EMFILE]');
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
