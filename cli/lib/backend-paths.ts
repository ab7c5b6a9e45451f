import fs from 'node:fs';
import path from 'node:path';
import { pictureFormat } from '../../src/lib/content-guard.ts';

/**
 * What the CMS's local backend (decap-server) may touch: files in the content folder only. decap-server
 * itself refuses only `../` and absolute paths, so any page that can call it (a script in a picture
 * opened on the dev server, say) could write `src/pages/x.md` or `package.json` and commit it to main
 * (issue 23). The content folder holds every collection and the media folders the CMS configuration names
 * (src/cms/config.ts puts images in `<collection>/images`), so it is the whole of what an editor saves.
 */

/** The files an editor saves: entries, data files and pictures (SVG is refused: src/content-rules/safety-rules.ts). */
const SAVED_FILE = /\.(md|ya?ml|png|jpe?g|gif|webp|avif)$/i;

/** The files a request uploads with their content: a picture's bytes must be a picture's. */
function uploadsOf(action: string, params: Record<string, unknown>): { path?: unknown; content?: unknown }[] {
  if (action === 'persistMedia') return [params.asset ?? {}];
  if (action === 'persistEntry' && Array.isArray(params.assets)) return params.assets;
  return [];
}

/** The paths each action of decap-server's API reads or writes, from its request body. */
function pathsOf(action: string, params: Record<string, unknown>): { read: unknown[]; write: unknown[] } {
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  const files = (value: unknown) =>
    list(value).flatMap((file) => [file?.path, ...(file?.newPath ? [file.newPath] : [])]);
  switch (action) {
    case 'entriesByFolder':
      return { read: [params.folder], write: [] };
    case 'entriesByFiles':
      return { read: files(params.files), write: [] };
    case 'getEntry':
    case 'getMediaFile':
    case 'unpublishedEntryDataFile':
    case 'unpublishedEntryMediaFile':
      return { read: [params.path], write: [] };
    case 'getMedia':
      return { read: [params.mediaFolder], write: [] };
    case 'persistEntry':
      return {
        read: [],
        write: [...files(params.entry ? [params.entry] : []), ...files(params.dataFiles), ...files(params.assets)],
      };
    case 'persistMedia':
      return { read: [], write: files([params.asset]) };
    case 'deleteFile':
      return { read: [], write: [params.path] };
    case 'deleteFiles':
      return { read: [], write: list(params.paths) };
    default:
      return { read: [], write: [] };
  }
}

/** The deepest part of `file` that exists, with every link on the way followed. */
function realAncestor(file: string): string {
  let at = file;
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return fs.realpathSync(at);
}

/** Whether `file` is `folder` or inside it. */
function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why a request to the local backend must be refused, in an editor's words, or undefined when it only
 * reads and writes in the content folder: every path it names is inside `contentDir` (once `\` is read
 * as `/`, `..` resolved and links followed), names no hidden file, and a file it writes is an entry, a
 * data file or a picture.
 * @example refusedRequest({ action: 'persistMedia', params: { asset: { path: 'src/pages/x.md' } } }, '/site', '/site/content')
 * // => 'The editor may save files only in the content folder (content/): src/pages/x.md is outside it, so nothing was saved.'
 */
export function refusedRequest(body: unknown, repoRoot: string, contentDir: string): string | undefined {
  const { action, params } = (body ?? {}) as { action?: unknown; params?: unknown };
  if (typeof action !== 'string' || !params || typeof params !== 'object') return undefined;
  const { read, write } = pathsOf(action, params as Record<string, unknown>);
  const root = fs.realpathSync(repoRoot);
  const content = fs.realpathSync(contentDir);
  const shown = `${path.relative(root, content).split(path.sep).join('/')}/`;
  for (const [value, writing] of [...read.map((v) => [v, false] as const), ...write.map((v) => [v, true] as const)]) {
    const given = String(value ?? '');
    const relative = given.replaceAll('\\', '/');
    const file = path.resolve(root, relative);
    const verb = writing ? 'saved' : 'read';
    if (!given || path.isAbsolute(relative) || !inside(file, content) || !inside(realAncestor(file), content))
      return `The editor may save and open files only in the content folder (${shown}): ${given || 'a file with no name'} is outside it, so nothing was ${verb}.`;
    if (
      path
        .relative(content, file)
        .split(path.sep)
        .some((part) => part.startsWith('.'))
    )
      return `${given} is a hidden file (a name starting with a dot), which the site never publishes, so nothing was ${verb}.`;
    if (writing && !SAVED_FILE.test(file))
      return `${given} is not an entry (.md), a data file (.yml) or a picture (.png, .jpg, .gif, .webp, .avif), so nothing was saved. SVG pictures are not accepted: save the picture as PNG or JPEG.`;
  }
  for (const upload of uploadsOf(action, params as Record<string, unknown>)) {
    const head = Buffer.from(String(upload.content ?? '').slice(0, 64), 'base64');
    if (!pictureFormat(head))
      return `${String(upload.path)} is not a PNG, JPEG, GIF, WebP or AVIF picture inside (it may be an SVG renamed), so nothing was saved. Open it in a picture program, save it again as PNG or JPEG, and upload that.`;
  }
  return undefined;
}
