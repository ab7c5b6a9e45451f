import path from 'node:path';

/**
 * A path as an editor would type it: relative to where the command runs, when it is inside.
 * @example displayPath('/repo/content/bulletins/2015-05.md') // => 'content/bulletins/2015-05.md' (run in /repo)
 */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
