import pLimit from 'p-limit';

/**
 * How many files a step may have open at once. Each open file holds one of the process's file handles
 * (1,024 by default on Linux), and a step that opened every page of a 20,000-issue site at once ran out
 * of them ("Too many open files"). Reading more than a few files at once gains nothing on a 2-core
 * machine: libuv runs file operations on 4 threads.
 */
export const FILES_AT_ONCE = 16;

/**
 * `Promise.all(items.map(task))`, with at most `FILES_AT_ONCE` tasks running at once.
 * @example const texts = await eachFile(files, (file) => fs.promises.readFile(file, 'utf8'));
 */
export function eachFile<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  return pLimit(FILES_AT_ONCE).map(items, (item) => task(item));
}
