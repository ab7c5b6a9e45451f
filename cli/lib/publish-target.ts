import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { parse, YAMLParseError } from 'yaml';
import type { PublishStatus } from '../../src/lib/publish-status.ts';
import { publishConfigSchema, type PublishConfig, type PublishTarget } from '../../src/schemas/publish-target.ts';

/** The project's publishing settings and the script that runs on the target, relative to the project's root. */
export const PUBLISH_CONFIG_FILE = 'deploy/publish.yaml';
const RELEASE_SCRIPT = fileURLToPath(new URL('../../deploy/release.sh', import.meta.url));

/** deploy/publish.yaml cannot be used; the message names the file, the field and the fix. */
export class PublishConfigError extends Error {
  override name = 'PublishConfigError';
}

/**
 * Reads and checks the publishing settings.
 * @example loadPublishConfig('deploy/publish.yaml') // => { target: { type: 'ssh', host: 'deploy@www.example.org', path: '/srv/ld' }, keep: 3 }
 */
export function loadPublishConfig(file: string): PublishConfig {
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PublishConfigError(`${file} is missing: it says where \`npm run publish\` puts the site.`);
    }
    if (!(error instanceof YAMLParseError)) throw error;
    const where = error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new PublishConfigError(`${file} is not valid YAML${where}: ${error.message.split('\n')[0]}`);
  }
  const result = publishConfigSchema.safeParse(data ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(the file)'}: ${issue.message}`);
  throw new PublishConfigError(`${file} has settings publishing cannot use:\n${lines.join('\n')}`);
}

/** How a target is named in messages: `deploy@www.example.org:/srv/ld` or a folder. */
export function describeTarget(target: PublishTarget): string {
  return target.type === 'ssh' ? `${target.host}:${target.path}` : target.path;
}

/** Quotes a word for a POSIX shell. */
const shellQuote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** The command that runs deploy/release.sh with `args` on the target: through ssh, or here for a folder. */
function onTarget(target: PublishTarget, args: string[]): [string, string[]] {
  const script = fs.readFileSync(RELEASE_SCRIPT, 'utf8');
  if (target.type === 'folder') return ['sh', ['-c', script, 'release.sh', ...args]];
  const remote = ['sh', '-c', script, 'release.sh', ...args].map(shellQuote).join(' ');
  // BatchMode: a missing key fails with a message instead of waiting for a password no one will type.
  // ConnectTimeout: a server that does not answer is reported in seconds, not after TCP's minutes.
  const options = [
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=15',
    ...(target.port ? ['-p', String(target.port)] : []),
  ];
  return ['ssh', [...options, target.host, remote]];
}

/** What a command on the target said and how it ended. */
export interface TargetResult {
  ok: boolean;
  /** Its standard output, trimmed. */
  output: string;
  /** Its standard error: messages for the person publishing. */
  errors: string;
}

function runOnTarget(target: PublishTarget, args: string[], input?: NodeJS.ReadableStream): Promise<TargetResult> {
  const [command, commandArgs] = onTarget(target, args);
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (errors += chunk));
    if (input) input.pipe(child.stdin!);
    child.stdin?.on('error', () => {});
    child.on('error', (error) => resolve({ ok: false, output, errors: `${errors}${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output: output.trim(), errors: errors.trim() }));
  });
}

/**
 * Sends a built release folder to the target as release `name` and makes it live there (deploy/release.sh),
 * keeping `keep` older releases.
 */
export async function sendRelease(
  target: PublishTarget,
  release: string,
  name: string,
  keep: number,
): Promise<TargetResult> {
  // --mtime is left alone: each file's time goes with it, so unchanged files keep their ETag on the server.
  const tar = spawn('tar', ['-C', release, '-cf', '-', '.'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let tarErrors = '';
  tar.stderr.on('data', (chunk) => (tarErrors += chunk));
  const tarDone = new Promise<number>((resolve) => tar.on('close', (code) => resolve(code ?? 1)));
  const result = await runOnTarget(target, ['publish', target.path, name, String(keep)], tar.stdout);
  // A target that stopped reading (unreachable, refused) would leave tar waiting to write for ever.
  if (tar.exitCode === null) tar.kill();
  const tarCode = await tarDone;
  if (result.ok && tarCode !== 0)
    return { ok: false, output: '', errors: `tar could not read ${release}: ${tarErrors.trim()}` };
  return result;
}

/** Points the target's live link back to the release before the live one. Its output is that release's name. */
export function rollBack(target: PublishTarget): Promise<TargetResult> {
  return runOnTarget(target, ['rollback', target.path]);
}

/** The target's releases, newest first, the live one marked `live`. */
export function targetStatus(target: PublishTarget): Promise<TargetResult> {
  return runOnTarget(target, ['status', target.path]);
}

/**
 * Checks, before anything is built, that the target can take a release: the folder exists and this
 * user may write there, and for ssh that the server answers and accepts the key. Changes nothing.
 */
export async function checkPublishTarget(target: PublishTarget): Promise<TargetResult> {
  const result = await runOnTarget(target, ['check', target.path]);
  if (result.ok || target.type === 'folder' || result.errors.startsWith('The target folder')) return result;
  // ssh itself failed (exit 255): unreachable, unknown host or a key it refused.
  return {
    ...result,
    errors:
      `The server ${target.host} could not be reached over ssh, or refused this computer's key.\n` +
      `ssh said: ${result.errors || 'nothing'}\n` +
      'Check the host in deploy/publish.yaml and that your ssh key is on the server (docs/deploy.md).',
  };
}

/** Puts the publishing status beside the target's live pages, for the CMS to show (deploy/release.sh `report`). */
export function reportOnTarget(target: PublishTarget, status: PublishStatus): Promise<TargetResult> {
  return runOnTarget(target, ['report', target.path], Readable.from([JSON.stringify(status)]));
}

/** The path of the settings file in a project. */
export function publishConfigFile(root: string): string {
  return path.join(root, PUBLISH_CONFIG_FILE);
}
