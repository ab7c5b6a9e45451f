/**
 * `npm run serve:nginx [dir]`: serves the built site (dist/ unless a directory is given) with Debian's
 * nginx and deploy/nginx.conf on 127.0.0.1, port $PORT (default 8080), in the foreground, logging every
 * request to standard output and errors to standard error. Ctrl-C stops it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HostingConfigError, loadHosting } from '../src/lib/hosting/config.ts';
import { NGINX_CONF_FILE, nginxConf } from '../src/lib/hosting/nginx-conf.ts';
import { findNginx, INSTALL_HINT, prepareNginx, PROJECT_ROOT } from './nginx/runtime.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  fail(
    `PORT is "${process.env.PORT}", which is not a port. Set it to a number from 1 to 65535, or leave it unset for 8080.`,
  );
}
const root = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'dist'));
if (!fs.existsSync(path.join(root, 'index.html'))) {
  fail(`${root} holds no built site (no index.html). Run \`npm run build\` first.`);
}
const bin = findNginx();
if (!bin) fail(`nginx is not installed. Install Debian's nginx:\n  ${INSTALL_HINT}\nthen run this again.`);

let expected: string;
try {
  expected = nginxConf(loadHosting(PROJECT_ROOT));
} catch (error) {
  if (error instanceof HostingConfigError) fail(error.message);
  throw error;
}
if (fs.readFileSync(path.join(PROJECT_ROOT, NGINX_CONF_FILE), 'utf8') !== expected) {
  console.warn(`Warning: ${NGINX_CONF_FILE} is out of date with deploy/*.yaml; serving it as it is.`);
  console.warn('Run `npm run deploy:nginx-conf` to bring it up to date.');
}

// nginx logs requests by opening /dev/stdout, which fails when standard output is a socket.
const accessLog = !fs.fstatSync(1).isSocket();
if (!accessLog) console.warn('Standard output is a socket, which nginx cannot write to: requests are not logged.');
const prepared = prepareNginx({ root, listen: `127.0.0.1:${port}`, accessLog });
if (!prepared.brotli) {
  console.warn(`Warning: nginx's brotli module is missing, so .br files are not served. To add it:\n  ${INSTALL_HINT}`);
}
console.log(`Serving ${root} at http://127.0.0.1:${port}/ with nginx (config in ${prepared.prefix}). Ctrl-C stops it.`);
const child = spawn(bin, prepared.args, { stdio: 'inherit' });
// Ctrl-C reaches nginx directly (same terminal); a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  prepared.cleanup();
  process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
});
