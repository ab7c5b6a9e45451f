import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What one wrk run measured. Latencies in milliseconds. */
export interface WrkResult {
  requests: number;
  requestsPerSecond: number;
  latency: { p50: number; p75: number; p90: number; p99: number };
  errors: { connect: number; read: number; write: number; timeout: number; status: number };
  /** Socket errors plus responses that were neither 2xx nor 3xx. */
  totalErrors: number;
}

const toMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads wrk's report (run with --latency).
 * @example parseWrkOutput(report).requestsPerSecond // => 41234.56
 */
export function parseWrkOutput(text: string): WrkResult {
  const number = (pattern: RegExp, what: string) => {
    const match = text.match(pattern);
    if (!match) throw new Error(`wrk's report has no ${what}. It said:\n${text}`);
    return Number(match[1]);
  };
  const percentile = (p: number) => {
    const match = text.match(new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm'));
    if (!match)
      throw new Error(`wrk's report has no ${p}th percentile (was it run with --latency?). It said:\n${text}`);
    return Number(match[1]) * toMs[match[2]];
  };
  const socket = text.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const errors = {
    connect: Number(socket?.[1] ?? 0),
    read: Number(socket?.[2] ?? 0),
    write: Number(socket?.[3] ?? 0),
    timeout: Number(socket?.[4] ?? 0),
    status: Number(text.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
  };
  return {
    requests: number(/^\s*(\d+) requests in/m, 'request count'),
    requestsPerSecond: number(/^Requests\/sec:\s+([\d.]+)/m, 'requests per second'),
    latency: { p50: percentile(50), p75: percentile(75), p90: percentile(90), p99: percentile(99) },
    errors,
    totalErrors: Object.values(errors).reduce((sum, count) => sum + count, 0),
  };
}

/**
 * The URL paths a load run cycles through: every page of the build (not the 404 page) and every
 * hashed asset, so the run reads like many readers browsing rather than one page fetched again and again.
 * @example loadPaths('dist') // => ['/', '/accessibility/', …, '/_astro/Base.CzGJX0UW.css']
 */
export function loadPaths(root: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.endsWith('.html') && rel !== '404.html') found.push(`/${rel}`.replace(/(^|\/)index\.html$/, '$1'));
    else if (rel.startsWith('_astro/') && !/\.(gz|br)$/.test(rel)) found.push(`/${rel}`);
  }
  return found.sort();
}

/** How hard to load the server. */
export interface WrkOptions {
  origin: string;
  paths: string[];
  threads: number;
  connections: number;
  /** Seconds. */
  duration: number;
}

/** The wrk command line, for reports. */
export function wrkCommand({ threads, connections, duration }: Omit<WrkOptions, 'origin' | 'paths'>): string {
  return `wrk -t${threads} -c${connections} -d${duration}s --latency -H 'Accept-Encoding: br, gzip'`;
}

/**
 * Runs Debian's wrk against the server, bounded in time, cycling through `paths` as a browser would ask
 * for them (accepting compressed answers).
 * @example await runWrk({ origin, paths: ['/'], threads: 2, connections: 50, duration: 10 }) // => { requests: 401234, … }
 */
export async function runWrk({ origin, paths, threads, connections, duration }: WrkOptions): Promise<WrkResult> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(origin)) {
    throw new Error(`Load runs go to this machine's loopback only; ${origin} is not on it.`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-wrk-'));
  const script = path.join(dir, 'paths.lua');
  fs.writeFileSync(
    script,
    `-- Cycles through the site's pages and assets.
local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
`,
  );
  try {
    const args = [
      `-t${threads}`,
      `-c${connections}`,
      `-d${duration}s`,
      '--latency',
      '-H',
      'Accept-Encoding: br, gzip',
      '-s',
      script,
      `${origin}/`,
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.once('error', (error) =>
        reject(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new Error("wrk is not installed. Install Debian's: apt-get install -y wrk")
            : error,
        ),
      );
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk failed:\n${text}`))));
    });
    return parseWrkOutput(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
