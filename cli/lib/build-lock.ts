import fs from 'node:fs';
import os from 'node:os';

/** Who holds a lock: enough to tell a running build from one that was killed. */
interface Holder {
  pid: number;
  host: string;
  /** The process's start time as the kernel counts it, so a reused process number is not taken for the holder. */
  started: string;
  since: string;
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat), or '' where there is no /proc. */
function startTime(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces; count from after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(holder: Holder): boolean {
  // Another machine's build (a shared disk) cannot be checked from here: it is taken to be running.
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = startTime(holder.pid);
  return !started || !holder.started || started === holder.started;
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
  } catch {
    // Being written at this moment, or removed: looked at again on the next try.
    return undefined;
  }
}

/** A lock held by this process; `release` is safe to call more than once. */
export interface HeldLock {
  release: () => void;
}

/**
 * Takes the lock file `file` for this process, waiting while another live process holds it. A lock
 * left by a process that no longer runs (killed, or the machine restarted) is taken over at once, so a
 * killed build never blocks the next one. `waiting` is called once, with the holder's description, if
 * this has to wait.
 * @example const lock = await takeLock('.build/lock', (who) => console.log(`Waiting for ${who}`)); …; lock.release();
 */
export async function takeLock(file: string, waiting: (holder: string) => void, pollMs = 500): Promise<HeldLock> {
  const me: Holder = {
    pid: process.pid,
    host: os.hostname(),
    started: startTime(process.pid),
    since: new Date().toISOString(),
  };
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          if (readHolder(file)?.pid === me.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && !alive(holder)) {
      // Moved aside before removal, so that of two builds taking over the same stale lock only one removes it.
      const aside = `${file}.stale-${process.pid}`;
      try {
        fs.renameSync(file, aside);
        fs.rmSync(aside, { force: true });
      } catch {
        // The other build got there first.
      }
      continue;
    }
    if (holder && !told) {
      told = true;
      const since = new Date(holder.since).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
      waiting(
        `another build (process ${holder.pid}${holder.host === me.host ? '' : ` on ${holder.host}`}, started at ${since})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
