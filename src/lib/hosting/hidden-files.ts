import fs from 'node:fs';
import path from 'node:path';

/**
 * Removes hidden files and folders (a name starting with a dot: `.env`, `.git/`, `.DS_Store`) that Astro
 * copied from public/ into a build, except the folders the site serves (deploy/hosting.yaml,
 * `serving.hiddenPathsServed`: /.well-known/), whose own hidden files are removed too. The web server refuses such paths
 * too; this keeps them out of every copy of the site. Returns the site paths removed.
 * @example removeHiddenFiles('dist', ['/.well-known/']) // => ['/.env']
 */
export function removeHiddenFiles(outDir: string, served: readonly string[]): string[] {
  const removed: string[] = [];
  const visit = (folder: string, urlPath: string) => {
    for (const dirent of fs.readdirSync(folder, { withFileTypes: true })) {
      const child = `${urlPath}${dirent.name}${dirent.isDirectory() ? '/' : ''}`;
      const absolute = path.join(folder, dirent.name);
      // The served folder itself, not hidden files inside it: /.well-known/.git/ is as secret as /.git/.
      if (dirent.name.startsWith('.') && !served.includes(child)) {
        fs.rmSync(absolute, { recursive: true, force: true });
        removed.push(child);
      } else if (dirent.isDirectory()) {
        visit(absolute, child);
      }
    }
  };
  visit(outDir, '/');
  return removed.sort();
}
