import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VITEST_ENV = new Set(['NODE_ENV', 'TEST', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'FORCE_TTY']);

/** The environment a command gets when run by hand: without what Vitest adds (see support/build.ts). */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !VITEST_ENV.has(key) && !key.startsWith('VITEST')),
  );
  return { ...inherited, ...extra };
}

/**
 * Runs one of the project's commands (`cli/build.ts`, `cli/check.ts`) with its Node 24, as `npm run` would,
 * and returns its exit code and everything it printed.
 */
export function runCommand(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve('node_modules/.bin/node'), [script, ...args], { env: cleanEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * A fingerprint of a folder: every file's path, size and content hash, or 'absent'. Equal fingerprints
 * before and after a command mean it changed nothing there.
 */
export function fingerprint(dir: string): string {
  if (!fs.existsSync(dir)) return 'absent';
  const hash = crypto.createHash('sha256');
  const files = fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash.update(`${path.relative(dir, file)}\0${fs.readFileSync(file).length}\0`).update(fs.readFileSync(file));
  return `${files.length} files ${hash.digest('hex')}`;
}

/**
 * A content folder in a new temporary directory: a copy of `base` with the files of each overlay folder
 * laid over it. Returns the content folder; its parent is the temporary directory to delete.
 */
export function contentFolder(base: string, ...overlays: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-hostile-'));
  const content = path.join(root, 'content');
  fs.cpSync(base, content, { recursive: true });
  for (const overlay of overlays) fs.cpSync(overlay, content, { recursive: true });
  return content;
}

/** The first line of /etc/passwd, which must never appear in anything a build prints or writes. */
export const PASSWD_LINE = fs.existsSync('/etc/passwd')
  ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0]
  : 'root:x:0:0';
