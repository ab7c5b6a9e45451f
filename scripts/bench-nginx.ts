/**
 * `npm run bench:nginx [dir]`: a bounded load run on loopback against the built site (dist/ unless a
 * directory is given) served by nginx with deploy/nginx.conf. Prints requests per second and latency
 * percentiles; fails if any request failed. DURATION (seconds, default 30), CONNECTIONS (default 50)
 * and THREADS (default 2) change the load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, startNginx } from './nginx/runtime.ts';
import { loadPaths, runWrk, wrkCommand } from './nginx/wrk.ts';

function setting(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`${name} is "${process.env[name]}"; set it to a whole number from 1 to ${max}, or leave it unset.`);
    process.exit(1);
  }
  return value;
}

const load = {
  duration: setting('DURATION', 30, 600),
  connections: setting('CONNECTIONS', 50, 1000),
  threads: setting('THREADS', 2, 16),
};
const root = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'dist'));
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`${root} holds no built site (no index.html). Run \`npm run build\` first.`);
  process.exit(1);
}

const paths = loadPaths(root);
const nginx = await startNginx({ root });
try {
  console.log(`${wrkCommand(load)}, cycling through ${paths.length} pages and assets of ${root}`);
  console.log(`against nginx at ${nginx.origin} (access log off; brotli module ${nginx.brotli ? 'on' : 'missing'}).`);
  const result = await runWrk({ origin: nginx.origin, paths, ...load });
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`requests:        ${result.requests}`);
  console.log(`requests/s:      ${result.requestsPerSecond.toFixed(0)}`);
  console.log(`latency p50:     ${ms(result.latency.p50)}`);
  console.log(`latency p90:     ${ms(result.latency.p90)}`);
  console.log(`latency p99:     ${ms(result.latency.p99)}`);
  console.log(`errors:          ${result.totalErrors} ${JSON.stringify(result.errors)}`);
  if (result.totalErrors > 0) {
    console.error('Some requests failed: see errors above, and nginx said:\n' + nginx.errors());
    process.exitCode = 1;
  }
} finally {
  await nginx.close();
}
