/**
 * The preview route's reading of a request (src/integrations/preview-endpoint.ts): which entry, as the form
 * holds it, and whether the page's template can show it yet. The frontmatter is read as Astro reads it
 * and checked by the collection's own schema, so the preview gets exactly the data the page gets.
 */
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { contentCollections } from '../lib/content-layout.ts';
import { bulletinSchema, type BulletinData } from '../schemas/bulletin.ts';
import { programmeSchema, type ProgrammeData } from '../schemas/programme.ts';

/** The collections whose pages the preview renders with the page's own template. */
export type PreviewedEntry =
  { collection: 'bulletins'; data: BulletinData } | { collection: 'programme'; data: ProgrammeData };

export type PreviewRequest =
  | { ok: true; file: string; body: string; entry: PreviewedEntry | undefined }
  | { ok: false; status: number; error: string };

const schemas = { bulletins: bulletinSchema, programme: programmeSchema } as const;

/**
 * An entry to preview, from the admin page's `{ path, raw }` (as for the check): the path relative to the
 * repository, inside the content folder, a Markdown file of a collection the preview renders; `entry` is
 * undefined while its fields do not pass the schema (the check says what to fix).
 * @example readPreviewRequest({ path: 'content/bulletins/2015-07.md', raw: '---\n…' }, options)
 */
export function readPreviewRequest(body: unknown, options: { repoRoot: string; contentDir: string }): PreviewRequest {
  const { path: relative, raw } = (body ?? {}) as { path?: unknown; raw?: unknown };
  if (typeof relative !== 'string' || typeof raw !== 'string' || relative.includes('\0')) {
    return { ok: false, status: 400, error: 'The preview needs the entry’s file name and text.' };
  }
  const file = path.resolve(options.repoRoot, relative);
  const inside = path.relative(options.contentDir, file).split(path.sep);
  const collection = Object.keys(schemas).find(
    (name) =>
      inside.length === 2 &&
      inside[0] === contentCollections[name as keyof typeof schemas].folder &&
      inside[1]!.endsWith('.md'),
  ) as keyof typeof schemas | undefined;
  if (!collection) {
    return { ok: false, status: 404, error: 'Only bulletin issues and programme pages are previewed as their page.' };
  }
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(raw);
  } catch {
    return { ok: true, file, body: '', entry: undefined };
  }
  const data = schemas[collection].safeParse(parsed.frontmatter);
  return {
    ok: true,
    file,
    body: parsed.content,
    entry: data.success ? ({ collection, data: data.data } as PreviewedEntry) : undefined,
  };
}
