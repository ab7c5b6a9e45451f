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
): { total: number; largest: number; largestName: string; processes: number; pids: number[] } {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of table) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result = { total: 0, largest: 0, largestName: '', processes: 0, pids: [] as number[] };
  const queue = table.has(root) ? [root] : [];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const info = table.get(pid);
    if (!info) continue;
    result.total += info.rss;
    result.processes += 1;
    result.pids.push(pid);
    if (info.rss > result.largest) Object.assign(result, { largest: info.rss, largestName: info.name });
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/**
 * The proportional set size of a process in bytes: its resident memory, with each page it shares with
 * other processes (Node's own code, mapped by every node process of the build) divided among them.
 * Summed over a tree it counts every page once. 0 when the kernel gives no figure.
 * @example pssBytes(process.pid) // => 48000000
 */
export function pssBytes(pid: number, proc = '/proc'): number {
  try {
    const match = /^Pss:\s+(\d+) kB$/m.exec(fs.readFileSync(`${proc}/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // ended, or a kernel without smaps_rollup
  }
}

/** The highest memory a process tree reached while it was sampled. */
export interface PeakMemory {
  /** Most resident memory of the whole tree at one moment, in bytes: RSS summed, shared pages counted in every process. */
  peakTotal: number;
  /** Most memory of the whole tree at one moment, each page counted once (PSS summed), in bytes. */
  peakPss: number;
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
 * `peakTotal` sums resident memory, counting pages that processes share once per process, so it errs high;
 * `peakPss` counts each page once.
 */
export function sampleTreeMemory(root: number, intervalMs = 100): { stop: () => PeakMemory } {
  const started = performance.now();
  const peak: PeakMemory = { peakTotal: 0, peakPss: 0, peakProcess: 0, peakProcessName: '', peakAt: 0, samples: 0 };
  const sample = () => {
    const tree = treeMemory(readProcesses(), root);
    peak.samples += 1;
    peak.peakPss = Math.max(
      peak.peakPss,
      tree.pids.reduce((sum, pid) => sum + pssBytes(pid), 0),
    );
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
