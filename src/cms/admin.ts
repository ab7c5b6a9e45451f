/**
 * The admin page's script: loads Decap CMS from our own origin, teaches it to read and write our files
 * (format.ts), styles its preview with the site's own CSS, shows what `npm run check` says about the
 * entry in the preview, and refuses to publish an entry the check finds errors in.
 */
import previewCss from '../styles/main.scss?url';
import { dataListFormat, markdownFormat } from './format.ts';
import { fieldKinds } from './kinds.ts';
import { EDITABLE_DATA, formatName } from './names.ts';
import { contentSchemas, dataSchemas } from '../schemas/collections.ts';
import { DECAP_PATH, CHECK_PATH, PREVIEW_PATH } from './paths.ts';
import type { PreviewAnswer } from './preview-answer.ts';
import { previewTemplate, type CheckResult, type Decap, type EntryMap } from './preview.ts';
import { handlePastes } from './paste/paste-handler.ts';
import { tableComponent } from './paste/table-component.ts';
import { fixDecapNames } from './a11y-fixes.ts';
import { britishDateWidget } from './british-date.ts';
import { inFormWords } from '../content-rules/form-words.ts';
import { publishRefusal } from './publish-refusal.ts';
import { showPublishStatus } from './publish-status.ts';
import { useOurWording } from './wording.ts';

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: Decap;
  }
}

function loadDecap(): Promise<Decap> {
  window.CMS_MANUAL_INIT = true;
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${DECAP_PATH}decap-cms.js`;
    script.onload = () => (window.CMS ? resolve(window.CMS) : reject(new Error('Decap CMS did not start.')));
    script.onerror = () => reject(new Error('Decap CMS could not be loaded.'));
    document.head.append(script);
  });
}

interface Collection {
  name: string;
  folder?: string;
  format?: string;
  fields?: FieldConfig[];
}

/** The file an entry is saved as, relative to the repository. */
function entryPath(entry: EntryMap, collection: Collection): string {
  const existing = entry.get('path');
  if (typeof existing === 'string' && existing) return existing;
  const data = entry.get('data').toJS();
  if (collection.name === 'bulletins') return `${collection.folder}/${String(data.date ?? '').slice(0, 7)}.md`;
  return `${collection.folder}/${String(entry.get('slug') ?? 'new-entry')}.md`;
}

/** What `npm run check` says about an entry; undefined when there is no dev server to ask (production). */
async function checkEntry(
  entry: EntryMap,
  collection: Collection,
  toFile: (data: Record<string, unknown>) => string,
): Promise<CheckResult | undefined> {
  const assets = (entry.get('mediaFiles')?.toJS?.() ?? []) as { path?: string }[];
  const raw = toFile(entry.get('data').toJS());
  const response = await fetch(CHECK_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      path: entryPath(entry, collection),
      raw,
      assets: assets.map((a) => String(a.path ?? '').replace(/^\//, '')).filter(Boolean),
    }),
  }).catch(() => undefined);
  if (!response?.ok) return undefined;
  return { ...((await response.json()) as CheckResult), raw };
}

/**
 * The entry drawn by its page's own template, from the dev server; undefined when there is none to ask
 * (the hosted CMS) or it does not draw this collection (the specification).
 */
async function renderedPage(
  entry: EntryMap,
  collection: Collection,
  toFile: (data: Record<string, unknown>) => string,
): Promise<PreviewAnswer | undefined> {
  const response = await fetch(PREVIEW_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ path: entryPath(entry, collection), raw: toFile(entry.get('data').toJS()) }),
  }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as PreviewAnswer) : undefined;
}

interface FieldConfig {
  name: string;
  label?: string;
  fields?: FieldConfig[];
  field?: FieldConfig;
}

/** A collection's labels by field name, dotted inside a group: what the form calls each field. */
function labelsOf(fields: FieldConfig[] = [], prefix = ''): Record<string, string> {
  return Object.fromEntries(
    fields.flatMap((f) => [
      [`${prefix}${f.name}`, f.label ?? f.name] as const,
      ...Object.entries(labelsOf(f.fields ?? (f.field ? [f.field] : []), `${prefix}${f.name}.`)),
    ]),
  );
}

async function start() {
  const [CMS, config] = await Promise.all([
    loadDecap(),
    fetch('/admin/config.json').then((r) => r.json() as Promise<{ collections: Collection[]; site_url: string }>),
  ]);
  const formats = new Map<string, ReturnType<typeof markdownFormat>>();
  for (const name of ['bulletins', 'programme', 'specification'] as const) {
    const format = markdownFormat(fieldKinds(contentSchemas[name]));
    formats.set(formatName(name), format);
    CMS.registerCustomFormat(formatName(name), 'md', format);
  }
  for (const name of EDITABLE_DATA) {
    CMS.registerCustomFormat(formatName(`data-${name}`), 'yaml', dataListFormat(fieldKinds(dataSchemas[name])));
  }
  CMS.registerPreviewStyle(previewCss);
  CMS.registerEditorComponent(tableComponent);
  const date = britishDateWidget();
  CMS.registerWidget('british-date', date.control, date.preview);
  handlePastes(document);
  fixDecapNames(document);
  const refusal = publishRefusal(document);

  const byName = new Map(config.collections.map((c) => [c.name, c]));
  const check = (entry: EntryMap) => {
    const collection = byName.get(String(entry.get('collection')));
    const format = collection?.format ? formats.get(collection.format) : undefined;
    return collection && format ? checkEntry(entry, collection, format.toFile) : Promise.resolve(undefined);
  };
  const render = (entry: EntryMap) => {
    const collection = byName.get(String(entry.get('collection')));
    const format = collection?.format ? formats.get(collection.format) : undefined;
    return collection && format ? renderedPage(entry, collection, format.toFile) : Promise.resolve(undefined);
  };
  for (const collection of config.collections) {
    if (!collection.folder) continue;
    CMS.registerPreviewTemplate(
      collection.name,
      previewTemplate(CMS, {
        collection: collection.name,
        siteUrl: window.location.origin,
        check,
        render,
        labels: labelsOf(collection.fields),
        onResult: (entry, result) => {
          if (result && !result.problems.some((p) => p.severity === 'error')) refusal.clear(entryPathOf(entry));
        },
      }),
    );
  }
  const entryPathOf = (entry: EntryMap) => {
    const collection = byName.get(String(entry.get('collection')));
    return collection ? entryPath(entry, collection) : '';
  };
  CMS.registerEventListener({
    name: 'prePublish',
    handler: async ({ entry }: { entry: EntryMap }) => {
      const result = await check(entry);
      const errors = result?.problems.filter((p) => p.severity === 'error') ?? [];
      if (errors.length > 0) {
        const labels = labelsOf(byName.get(String(entry.get('collection')))?.fields);
        const said = errors.map((p) => inFormWords(p, labels, result?.raw)).map((p) => `${p.where}: ${p.message}`);
        // Decap's own notice of a failed publish goes after a few seconds; this one stays until dismissed or fixed.
        refusal.show(entryPathOf(entry), errors.length, said);
        throw new Error(
          `the check found ${errors.length === 1 ? 'an error' : `${errors.length} errors`}. ${said.join(' ')} Fix ${errors.length === 1 ? 'it' : 'them'} (the preview lists how), save, then publish.`,
        );
      }
    },
  });
  useOurWording(CMS);
  CMS.init({ config: { ...config, load_config_file: false } });
  showPublishStatus();
}

start().catch((error: unknown) => {
  const p = document.createElement('p');
  p.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)} Reload the page; if it happens again, tell the developers.`;
  document.body.append(p);
});
