import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleTreeMemory, type PeakMemory } from './process-tree.ts';

/** How one build went. */
export interface BuildRun {
  command: string;
  exitCode: number;
  /** Wall-clock seconds from start to exit. */
  seconds: number;
  /** CPU seconds in user and kernel mode of the whole tree (from /usr/bin/time, when installed). */
  cpuSeconds?: number;
  /** Largest resident set of one process, from the kernel's accounting (/usr/bin/time). */
  maxRssBytes?: number;
  memory: PeakMemory;
  /** Pages Astro says it built. */
  pages?: number;
  /** Seconds of each step, as the build's own log reports them. */
  steps: Record<string, number>;
  /** Where the full log was written. */
  log: string;
}

// Lines of the build log that time a step: Astro's own, and those of our integrations.
// Astro writes durations as `850ms`, `4.54s` or `1m 24s`.
const DURATION = String.raw`((?:\d+m )?[\d.]+m?s)`;
const STEP_PATTERNS: [string, RegExp][] = [
  ['vite bundle', new RegExp(String.raw`\[vite\] ✓ built in ${DURATION}`)],
  ['render pages', new RegExp(String.raw`generating static routes[\s\S]*?✓ Completed in ${DURATION}`)],
  ['finishing (search index, compression)', new RegExp(String.raw`Finished the site in ${DURATION}`)],
];

/**
 * Seconds in one of Astro's durations.
 * @example seconds('1m 24s') // => 84
 */
export function seconds(duration: string): number {
  const match = /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(duration.trim());
  if (!match) return Number.NaN;
  const value = Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
  return Number(match[1] ?? 0) * 60 + value;
}

/**
 * Reads step times and the page count from a build log.
 * @example parseBuildLog('[vite] ✓ built in 6.89s\n1217 page(s) built in 16.36s') // => { pages: 1217, steps: { 'vite bundle': 6.89 } }
 */
export function parseBuildLog(log: string): { pages?: number; steps: Record<string, number> } {
  const steps: Record<string, number> = {};
  for (const [name, pattern] of STEP_PATTERNS) {
    const match = pattern.exec(log);
    if (match) steps[name] = seconds(match[1]);
  }
  const pages = /(\d+) page\(s\) built in/.exec(log);
  return { pages: pages ? Number(pages[1]) : undefined, steps };
}

const TIME = '/usr/bin/time';

/**
 * Runs a build command in a shell with extra environment, sampling the memory of its whole process tree,
 * and writes its output to `log`.
 */
export async function runBuild(command: string, env: Record<string, string>, log: string): Promise<BuildRun> {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = fs.existsSync(TIME);
  const [file, args] = useTime
    ? [TIME, ['-f', '%U %S %M', '-o', timeFile, 'sh', '-c', command]]
    : ['sh', ['-c', command]];
  fs.mkdirSync(path.dirname(log), { recursive: true });
  const out = fs.openSync(log, 'w');
  const started = performance.now();
  const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  const sampler = sampleTreeMemory(child.pid as number);
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const seconds = (performance.now() - started) / 1000;
  const memory = sampler.stop();
  fs.closeSync(out);
  const result: BuildRun = { command, exitCode, seconds, memory, log, ...parseBuildLog(fs.readFileSync(log, 'utf8')) };
  if (useTime && fs.existsSync(timeFile)) {
    const [user, system, maxRssKb] = fs
      .readFileSync(timeFile, 'utf8')
      .trim()
      .split('\n')
      .at(-1)!
      .split(' ')
      .map(Number);
    Object.assign(result, { cpuSeconds: user + system, maxRssBytes: maxRssKb * 1024 });
    fs.rmSync(timeFile);
  }
  return result;
}
