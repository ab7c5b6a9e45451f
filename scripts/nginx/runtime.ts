import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installNginxConf, NGINX_CONF_FILE } from '../../src/lib/hosting/nginx-conf.ts';

/** The project's root, wherever the command is run from. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's dynamic module for serving `.br` files beside the originals. */
export const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** What to type when nginx or one of its parts is missing. */
export const INSTALL_HINT = 'apt-get install -y nginx libnginx-mod-http-brotli-static (with sudo unless you are root)';

/** nginx's path: $NGINX, else the first nginx on PATH or in /usr/sbin, else undefined. */
export function findNginx(): string | undefined {
  if (process.env.NGINX) return fs.existsSync(process.env.NGINX) ? process.env.NGINX : undefined;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs.map((dir) => path.join(dir, 'nginx')).find((file) => fs.existsSync(file));
}

/** How one run of nginx is set up. */
export interface NginxOptions {
  /** The built site to serve, such as dist/. */
  root: string;
  /** Where to listen, such as 127.0.0.1:8080. */
  listen: string;
  /** Log every request to standard output (off for load runs, where logging would cost time). */
  accessLog?: boolean;
}

/** A run's temporary prefix directory and the arguments that start nginx in it. */
export interface PreparedNginx {
  prefix: string;
  args: string[];
  /** False when the brotli module is missing and .br files are not served. */
  brotli: boolean;
  cleanup: () => void;
}

/**
 * Writes a main config and the site config (deploy/nginx.conf, placeholders filled) into a new temporary
 * prefix, so nginx runs without touching /etc/nginx or /var. Returns the arguments for the foreground run.
 * @example prepareNginx({ root: 'dist', listen: '127.0.0.1:8080' }).args // => ['-p', '/tmp/ld-nginx-…/', '-c', …, '-g', 'daemon off;']
 */
export function prepareNginx({ root, listen, accessLog = true }: NginxOptions): PreparedNginx {
  const siteRoot = path.resolve(root);
  const brotli = fs.existsSync(BROTLI_MODULE);
  let site = installNginxConf(fs.readFileSync(path.join(PROJECT_ROOT, NGINX_CONF_FILE), 'utf8'), {
    root: siteRoot,
    listen,
  });
  if (!brotli) site = site.replace(/^\s*brotli_static on;\n/m, '');
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-nginx-'));
  fs.mkdirSync(path.join(prefix, 'temp'));
  fs.writeFileSync(path.join(prefix, 'site.conf'), site);
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), mainConf(prefix, { brotli, accessLog }));
  return {
    prefix,
    args: ['-p', `${prefix}/`, '-c', path.join(prefix, 'nginx.conf'), '-g', 'daemon off;'],
    brotli,
    cleanup: () => fs.rmSync(prefix, { recursive: true, force: true }),
  };
}

// The parts of a full configuration that Debian keeps in /etc/nginx/nginx.conf, for a run that must not
// need root or touch the system's nginx: every path inside the temporary prefix.
function mainConf(prefix: string, { brotli, accessLog }: { brotli: boolean; accessLog: boolean }): string {
  const temp = (name: string) => path.join(prefix, 'temp', name);
  return `# Written for one local run of nginx; deleted when it stops.
${brotli ? `load_module ${BROTLI_MODULE};\n` : ''}${
    // As root, nginx would run its workers as nobody, who may not be able to read a checkout under /root.
    // This server listens on loopback only, for one person or one test.
    process.getuid?.() === 0 ? 'user root;\n' : ''
  }worker_processes auto;
pid ${path.join(prefix, 'nginx.pid')};
error_log stderr;

events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${accessLog ? '/dev/stdout' : 'off'};
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};

    include ${path.join(prefix, 'site.conf')};
}
`;
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A running nginx on 127.0.0.1 and the way to stop it. */
export interface RunningNginx {
  origin: string;
  brotli: boolean;
  /** What nginx wrote to standard error so far. */
  errors: () => string;
  close: () => Promise<void>;
}

/**
 * Starts nginx in the background on a free port of 127.0.0.1 serving `root`, for tests and benchmarks;
 * resolves once it answers. Throws with nginx's own message if it cannot start.
 * @example const nginx = await startNginx({ root: 'dist' }); // => { origin: 'http://127.0.0.1:40123', … }
 */
export async function startNginx({
  root,
  accessLog = false,
}: {
  root: string;
  accessLog?: boolean;
}): Promise<RunningNginx> {
  const bin = findNginx();
  if (!bin) throw new Error(`nginx is not installed. Install Debian's: ${INSTALL_HINT}`);
  const port = await freePort();
  const prepared = prepareNginx({ root, listen: `127.0.0.1:${port}`, accessLog });
  const child = spawn(bin, prepared.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    prepared.cleanup();
  };
  try {
    await waitUntilAnswering(origin, child, () => stderr);
  } catch (error) {
    await close();
    throw error;
  }
  return { origin, brotli: prepared.brotli, errors: () => stderr, close };
}

async function waitUntilAnswering(origin: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at once:\n${stderr()}`);
    try {
      await fetch(origin, { method: 'HEAD', redirect: 'manual' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not answer on ${origin} within 15 seconds:\n${stderr()}`);
}

/**
 * Checks a config with `nginx -t` without starting a server; returns nginx's report.
 * @example testNginxConfig({ root: 'dist', listen: '127.0.0.1:8080' }) // => { ok: true, output: '… syntax is ok …' }
 */
export function testNginxConfig(options: NginxOptions): { ok: boolean; output: string } {
  const bin = findNginx();
  if (!bin) throw new Error(`nginx is not installed. Install Debian's: ${INSTALL_HINT}`);
  const prepared = prepareNginx({ ...options, accessLog: false });
  try {
    const result = spawnSync(bin, [...prepared.args.slice(0, 4), '-t'], { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    prepared.cleanup();
  }
}
