import fs from 'node:fs';

const PAGE_SIZE = 4096;

/**
 * Parent pid and resident memory of every process, read from Linux's /proc.
 * Processes that end while being read are skipped.
 */
export function readProcesses(proc = '/proc'): Map<number, { ppid: number; rss: number; name: string }> {
  const table = new Map<number, { ppid: number; rss: number; name: string }>();
  for (const entry of fs.readdirSync(proc)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`${proc}/${entry}/stat`, 'utf8');
      // The name is in parentheses and may itself hold spaces or parentheses: split after the last one.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      table.set(Number(entry), { ppid: Number(fields[1]), rss: Number(fields[21]) * PAGE_SIZE, name });
    } catch {
      // The process ended between listing and reading.
    }
  }
  return table;
}

/**
 * The resident memory of a process and all its descendants, in bytes, and the largest single process.
 * @example treeMemory(readProcesses(), process.pid) // => { total: 61000000, largest: 61000000, processes: 1 }
 */
export function treeMemory(
  table: Map<number, { ppid: number; rss: number; name: string }>,
  root: number,
): { total: number; largest: number; largestName: string; processes: number } {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result = { total: 0, largest: 0, largestName: '', processes: 0 };
  const queue = table.has(root) ? [root] : [];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const info = table.get(pid);
    if (!info) continue;
    result.total += info.rss;
    result.processes += 1;
    if (info.rss > result.largest) Object.assign(result, { largest: info.rss, largestName: info.name });
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/** The highest memory a process tree reached while it was sampled. */
export interface PeakMemory {
  /** Most resident memory of the whole tree at one moment, in bytes. */
  peakTotal: number;
  /** Most resident memory of any one process of the tree, in bytes. */
  peakProcess: number;
  /** That process's name (such as `node` or `pagefind`). */
  peakProcessName: string;
  /** Seconds from the start of sampling to the tree's peak. */
  peakAt: number;
  samples: number;
}

/**
 * Samples the memory of a process tree every `intervalMs` until stopped.
 * Resident memory of processes sharing pages is counted once per process, so the total errs high.
 */
export function sampleTreeMemory(root: number, intervalMs = 100): { stop: () => PeakMemory } {
  const started = performance.now();
  const peak: PeakMemory = { peakTotal: 0, peakProcess: 0, peakProcessName: '', peakAt: 0, samples: 0 };
  const sample = () => {
    const tree = treeMemory(readProcesses(), root);
    peak.samples += 1;
    if (tree.total > peak.peakTotal) {
      peak.peakTotal = tree.total;
      peak.peakAt = (performance.now() - started) / 1000;
    }
    if (tree.largest > peak.peakProcess) {
      peak.peakProcess = tree.largest;
      peak.peakProcessName = tree.largestName;
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
