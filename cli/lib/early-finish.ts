// Astro logs each file it generates as "  ├─ /bulletins/2015-05/index.html (+4ms)", and writes the time
// only once the file is on disk (astro/dist/core/build/generate.js), so a complete line names a file
// that is ready. Colours, when on, are taken off first.
const WRITTEN = /[├└]─ (\/\S+) \(\+[^)]*\)\s*$/;
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * Reads Astro's build output as it comes, in chunks, and calls `written` with the path (in the output
 * folder, without a leading `/`) of each file Astro reports written.
 * @example const read = writtenFiles(console.log); read('12:00:01   ├─ /index.html (+3ms)\n') // logs 'index.html'
 */
export function writtenFiles(written: (file: string) => void): (chunk: Buffer | string) => void {
  let rest = '';
  return (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const match = WRITTEN.exec(line.replace(ANSI, ''));
      if (match) written(match[1].slice(1));
    }
  };
}

/** Finishes files one at a time, in the order Astro wrote them, while Astro goes on writing others. */
export interface EarlyFinisher {
  /** A file Astro has written; finished once `start()` has been called. */
  written: (file: string) => void;
  /** Begins finishing (after the content check has passed, so nothing is done for a build that is stopped). */
  start: () => void;
  /** Resolves when nothing is in hand, without throwing: safe before the folder is removed. */
  idle: () => Promise<void>;
  /** The files finished, once all in hand are; throws the first failure (an email edition too big). */
  settle: () => Promise<Set<string>>;
}

/**
 * An EarlyFinisher that calls `finish` on each file; `finish` resolves to whether it did anything.
 * Astro renders on one core, so the other finishes email editions and compresses pages meanwhile.
 * @example const finisher = earlyFinisher((file) => finishWrittenFile('.build/next', file))
 */
export function earlyFinisher(finish: (file: string) => Promise<boolean>): EarlyFinisher {
  const waiting: string[] = [];
  const done = new Set<string>();
  let started = false;
  let failure: unknown;
  let chain = Promise.resolve();
  const drain = () => {
    chain = chain.then(async () => {
      while (waiting.length > 0 && failure === undefined) {
        const file = waiting.shift() as string;
        try {
          if (await finish(file)) done.add(file);
        } catch (error) {
          failure = error;
        }
        // Back to the event loop between files: a file finished without waiting on anything (as
        // compression is) would otherwise keep Astro's output unread, filling the pipe it writes to.
        await new Promise(setImmediate);
      }
    });
  };
  return {
    written: (file) => {
      waiting.push(file);
      if (started && waiting.length === 1) drain();
    },
    start: () => {
      started = true;
      drain();
    },
    idle: () => chain,
    settle: async () => {
      await chain;
      if (failure !== undefined) throw failure;
      return done;
    },
  };
}
