import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { SIZE_LIMITS, contentImageFile, formatSize, pictureProblem, resolvesInside } from './content-guard.ts';

/**
 * The build's own guard, for when Astro runs without `npm run check` first (`astro dev`, `astro build`),
 * or alongside it (`npm run build`): a content file larger than the limit, a file that is a link to one
 * outside the content folder, or an image outside it, stops the build with the file named, before the
 * text is parsed or the image read. `npm run check` reports the same problems in editors' words.
 */
export function contentGuardPlugin(contentDir: string): MdastPluginEntry {
  return (ctx) => {
    if (!ctx.fileURL) return null;
    const file = fileURLToPath(ctx.fileURL);
    const relative = path.relative(process.cwd(), file);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
    if (!resolvesInside(file, contentDir)) {
      throw new Error(
        `${shown} is a link to a file outside the content folder, so it is not published. Replace the link with the file itself.`,
      );
    }
    if (Buffer.byteLength(ctx.source) > SIZE_LIMITS.markdown) {
      throw new Error(
        `${shown} is larger than the ${formatSize(SIZE_LIMITS.markdown)} a content file may be. Split it, or remove what was pasted in by mistake.`,
      );
    }
    return {
      name: 'content-guard',
      image(node) {
        const image = contentImageFile(node.url ?? '', file);
        if (image && !resolvesInside(image, contentDir)) {
          throw new Error(
            `${shown} shows an image from outside the content folder (${node.url}). Save the image in the content folder and link to it there.`,
          );
        }
        // An SVG can carry script (src/content-rules/safety-rules.ts says why it is refused, not cleaned).
        // Judged by its bytes as well as its name: Astro publishes an SVG called map.png as an SVG.
        if (image && pictureProblem(image)) {
          throw new Error(
            `${shown} shows an SVG picture, or a file that is not a picture (${node.url}), which can carry code, so it is not published. Save it as PNG or JPEG and link to that file instead.`,
          );
        }
      },
    };
  };
}
