import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/nginx/runtime.ts';

/** An ssh server on 127.0.0.1 for one test, and what a client needs to reach it. */
export interface TestSshd {
  /** The Host name the client's configuration gives it. */
  host: string;
  /** A folder to put first on PATH: its `ssh` uses the test's client configuration. */
  bin: string;
  close: () => Promise<void>;
}

/**
 * Starts Debian's sshd on a free port of 127.0.0.1, accepting one new key for the current user, with
 * its keys and configuration in `dir`; nothing in /etc/ssh or ~/.ssh is read or written. Resolves once
 * a command runs through it.
 * @example const sshd = await startSshd('/tmp/x'); // PATH=`${sshd.bin}:…` ssh ld-test 'echo hi'
 */
export async function startSshd(dir: string): Promise<TestSshd> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const key of ['host_key', 'client_key']) {
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, key)], { stdio: 'ignore' });
  }
  fs.copyFileSync(path.join(dir, 'client_key.pub'), path.join(dir, 'authorized_keys'));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${path.join(dir, 'host_key')}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      // The test's folders are under /tmp, which sshd's ownership checks would refuse.
      'StrictModes no',
      'UsePAM no',
      '',
    ].join('\n'),
  );
  const host = 'ld-test-server';
  fs.writeFileSync(
    path.join(dir, 'ssh_config'),
    [
      `Host ${host}`,
      '  HostName 127.0.0.1',
      `  Port ${port}`,
      `  User ${process.env.USER ?? 'root'}`,
      `  IdentityFile ${path.join(dir, 'client_key')}`,
      '  IdentitiesOnly yes',
      '  StrictHostKeyChecking accept-new',
      `  UserKnownHostsFile ${path.join(dir, 'known_hosts')}`,
      '',
    ].join('\n'),
  );
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'ssh'), `#!/bin/sh\nexec /usr/bin/ssh -F ${path.join(dir, 'ssh_config')} "$@"\n`, {
    mode: 0o755,
  });
  // As root, sshd needs its privilege separation folder, which Debian makes only when the service starts.
  if (process.getuid?.() === 0) fs.mkdirSync('/run/sshd', { recursive: true });
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', path.join(dir, 'sshd_config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    const probe = spawnSync(path.join(bin, 'ssh'), ['-o', 'BatchMode=yes', host, 'true'], { encoding: 'utf8' });
    if (probe.status === 0) return { host, bin, close };
    if (child.exitCode !== null || Date.now() > deadline) {
      await close();
      throw new Error(`sshd did not start on 127.0.0.1:${port}:\n${errors}\n${probe.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
