import path from 'node:path';
import { contentCollections, dataCollections } from '../lib/content-layout.ts';
import { contentSchemas, dataSchemas } from '../schemas/collections.ts';
import { cmsField, type CmsField } from './fields.ts';
import { fieldKinds } from './kinds.ts';
import { formatName } from './names.ts';
import { contentCollectionOverrides, dataFileOverrides, IMAGE_FOLDER } from './overrides.ts';

/** Where the CMS saves, and the settings only the running site knows. */
export interface CmsConfigOptions {
  /** The git repository's folder; collection folders are given relative to it. */
  repoRoot: string;
  /** The content folder (CONTENT_DIR), inside the repository. */
  contentDir: string;
  /** The site's address: links from the CMS to pages. */
  siteUrl: string;
  /** The date a new issue starts with: the next one in the cadence (YYYY-MM-DD). */
  nextIssueDate: string;
  /** The specification's versions, newest first: one list of sections each. */
  versions: readonly string[];
  /** The git host in production. */
  backend: { name: string; repo?: string; branch: string; base_url?: string; auth_endpoint?: string; app_id?: string };
  /** decap-server's address under `npm run edit`; absent in a production build. */
  localBackendUrl?: string;
}

const bodyField = (modes: readonly string[]): CmsField => ({
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  modes: [...modes],
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
  // Tables: Decap's editor has none of its own (src/cms/paste/table-component.ts).
  editor_components: ['image', 'table'],
  hint: 'Start sections with a heading (Heading 2). Links to the specification go to a clause: /specification/the-persons-journey/#clause-5-2.',
});

/**
 * The Decap CMS configuration: every collection's fields made from the zod schemas, with what the
 * schemas cannot say from overrides.ts. The admin page loads it as /admin/config.json.
 */
export function cmsConfig(options: CmsConfigOptions) {
  const rel = (...parts: string[]) =>
    path
      .relative(options.repoRoot, path.join(options.contentDir, ...parts))
      .split(path.sep)
      .join('/');
  const images = rel(IMAGE_FOLDER);
  const markdownCollection = (
    name: keyof typeof contentCollections,
    folder: string,
    extra: Record<string, unknown> = {},
  ) => {
    const { bodyModes, ...settings } = contentCollectionOverrides[name];
    return {
      name,
      ...settings,
      folder,
      extension: 'md',
      format: formatName(name),
      // Images go to one folder (overrides.ts), linked relative to the file: ./images/name.png.
      media_folder: `/${images}`,
      public_folder: `./${path.posix.relative(path.posix.dirname(`${folder}/x.md`), images) || '.'}`,
      fields: [...fieldKinds(contentSchemas[name]).map((f) => cmsField(f)), bodyField(bodyModes)],
      ...extra,
    };
  };
  const bulletins = markdownCollection('bulletins', rel(contentCollections.bulletins.folder));
  const dateField = bulletins.fields.find((f) => f.name === 'date');
  if (dateField) dateField.default = options.nextIssueDate;
  const draftField = bulletins.fields.find((f) => f.name === 'draft');
  if (draftField) draftField.default = false;

  const specification = options.versions.map((version) => ({
    ...markdownCollection('specification', rel(contentCollections.specification.folder, version)),
    name: `specification-${version}`,
    label: `Specification ${version}`,
  }));

  const data = {
    name: 'data',
    label: 'Data tables',
    label_singular: 'data table',
    description: 'The tables shown on programme pages. A new specification version is a job for the developers.',
    editor: { preview: false },
    files: (Object.keys(dataFileOverrides) as (keyof typeof dataFileOverrides)[]).map((name) => ({
      name,
      label: dataFileOverrides[name].label,
      file: rel(dataCollections[name]),
      format: formatName(`data-${name}`),
      fields: [
        {
          name: 'items',
          label: dataFileOverrides[name].label,
          label_singular: dataFileOverrides[name].itemLabel,
          widget: 'list',
          summary: dataFileOverrides[name].summary,
          collapsed: true,
          fields: fieldKinds(dataSchemas[name]).map((f) => cmsField(f)),
        },
      ],
    })),
  };

  return {
    backend: { ...options.backend, squash_merges: false, cms_label_prefix: 'cms/' },
    ...(options.localBackendUrl ? { local_backend: { url: options.localBackendUrl } } : {}),
    publish_mode: 'editorial_workflow',
    site_url: options.siteUrl,
    display_url: options.siteUrl,
    locale: 'en',
    media_folder: images,
    public_folder: '/',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      bulletins,
      markdownCollection('programme', rel(contentCollections.programme.folder)),
      ...specification,
      data,
    ],
  };
}
