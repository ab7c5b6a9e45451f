import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPaths, parseWrkOutput, runWrk } from './wrk.ts';

const report = `Running 10s test @ http://127.0.0.1:8080/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.20ms  800.00us  40.12ms   91.00%
    Req/Sec    20.10k     1.20k   24.00k    70.00%
  Latency Distribution
     50%  850.00us
     75%    1.30ms
     90%    2.10ms
     99%    1.02s
  401234 requests in 10.00s, 2.00GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:  40123.40
Transfer/sec:    204.80MB
`;

describe('wrk', () => {
  test('its report is read, latencies in milliseconds', () => {
    expect(parseWrkOutput(report)).toEqual({
      requests: 401234,
      requestsPerSecond: 40123.4,
      latency: { p50: 0.85, p75: 1.3, p90: 2.1, p99: 1020 },
      errors: { connect: 0, read: 2, write: 0, timeout: 3, status: 7 },
      totalErrors: 12,
    });
  });

  test('a clean run has no error lines at all', () => {
    const clean = report.replace(/ {2}Socket errors.*\n/, '').replace(/ {2}Non-2xx.*\n/, '');
    expect(parseWrkOutput(clean).totalErrors).toBe(0);
  });

  test('a report without --latency says so', () => {
    expect(() => parseWrkOutput(report.replace(/ {5}99%.*\n/, ''))).toThrow(
      /no 99th percentile \(was it run with --latency\?\)/,
    );
  });

  test('loads only loopback', async () => {
    await expect(
      runWrk({ origin: 'http://10.0.0.1', paths: ['/'], threads: 1, connections: 1, duration: 1 }),
    ).rejects.toThrow(/loopback only/);
  });

  test('the paths cover every page but the 404 page, and hashed assets, not their compressed copies', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-paths-'));
    for (const file of ['index.html', '404.html', 'a/index.html', '_astro/x.css', '_astro/x.css.br', 'feed.xml']) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), '');
    }
    expect(loadPaths(dir)).toEqual(['/', '/_astro/x.css', '/a/']);
    fs.rmSync(dir, { recursive: true });
  });
});
