import { parse } from 'yaml';
import type { FieldKind, Kind } from './kinds.ts';

/**
 * Reading and writing content files for the CMS so that reviews show only real changes: a field the
 * editor did not change is written back exactly as it was in the file (quotes, order, comments), and a
 * changed or new field is written the way the project's files are (strings in double quotes, dates and
 * options bare, short lists on one line). Decap's own YAML writer would requote and reorder everything.
 *
 * Decap hands `toFile` only the entry's values, not the file it came from, so the files read are kept
 * here and a saved entry is matched to the one it shares most unchanged fields with.
 */

type Data = Record<string, unknown>;

/** One top-level field of a YAML mapping as written: its comments and lines, and its value. */
interface Block {
  key: string;
  text: string;
  value: unknown;
}

interface ReadFile {
  blocks: Block[];
  /** Comment lines after the last field. */
  trailer: string;
  body?: string;
  /** The text between the closing `---` and the body proper (normally one empty line). */
  bodyLead?: string;
}

/** The last files read, newest last; a few hundred entries is plenty for an editing session. */
const readFiles: ReadFile[] = [];
const remember = (file: ReadFile) => {
  readFiles.push(file);
  if (readFiles.length > 2000) readFiles.shift();
};

/** Splits YAML mapping lines into top-level fields, each with the comments above it. */
function splitBlocks(yaml: string): { blocks: Block[]; trailer: string } {
  const lines = yaml.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const blocks: Block[] = [];
  let pending: string[] = [];
  for (const line of lines) {
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
    if (key) {
      blocks.push({ key, text: [...pending, line].join('\n'), value: undefined });
      pending = [];
    } else if (/^(#.*)?\s*$/.test(line) || blocks.length === 0) {
      // A comment or blank line at the margin belongs to the field after it.
      pending.push(line);
    } else {
      blocks.at(-1)!.text += `\n${[...pending, line].join('\n')}`;
      pending = [];
    }
  }
  for (const block of blocks) block.value = (parse(block.text) as Data | null)?.[block.key];
  return { blocks, trailer: pending.join('\n') };
}

/** Values compared as the file would hold them: dates as YYYY-MM-DD, nothing for empty optional values. */
function normal(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Data)
        .filter(([, v]) => !isEmpty(v))
        .map(([k, v]) => [k, normal(v)]),
    );
  }
  return value;
}
const same = (a: unknown, b: unknown) => JSON.stringify(normal(a)) === JSON.stringify(normal(b));
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date))
    return Object.values(value as Data).every(isEmpty);
  return false;
}

/** A scalar written the project's way. */
function scalar(value: unknown, kind: Kind): string {
  switch (kind.type) {
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'number':
      return String(Number(value));
    case 'boolean':
      return String(value === true || value === 'true');
    case 'enum':
      return /^[a-z][a-z0-9-]*$/.test(String(value)) && !/^(true|false|null|yes|no|on|off)$/.test(String(value))
        ? String(value)
        : JSON.stringify(String(value));
    default:
      return JSON.stringify(String(value));
  }
}

/** `key: value` lines for one field at an indent, or nothing for an empty value. */
function fieldLines(name: string, value: unknown, kind: Kind, indent: string): string[] {
  if (isEmpty(value)) return [];
  if (kind.type === 'list') {
    const items = (Array.isArray(value) ? value : []).filter((v) => !isEmpty(v));
    if (kind.item.type === 'object') {
      if (items.length === 0) return [`${indent}${name}: []`];
      const { fields } = kind.item;
      return [`${indent}${name}:`, ...items.flatMap((item) => listItem(item as Data, fields, `${indent}  `))];
    }
    return [`${indent}${name}: [${items.map((item) => scalar(item, kind.item)).join(', ')}]`];
  }
  if (kind.type === 'object') {
    return [`${indent}${name}:`, ...objectLines(value as Data, kind.fields, `${indent}  `)];
  }
  return [`${indent}${name}: ${scalar(value, kind)}`];
}

function objectLines(value: Data, fields: readonly FieldKind[], indent: string): string[] {
  return fields.flatMap((field) => fieldLines(field.name, value[field.name], field.kind, indent));
}

/** One `- key: value` item of a list of objects. */
function listItem(item: Data, fields: readonly FieldKind[], indent: string): string[] {
  const lines = objectLines(item, fields, `${indent}  `);
  if (lines.length > 0) lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
  return lines;
}

/** Whether a field left out of the file would read the same: empty, or its schema default. */
function omittable(field: FieldKind | undefined, value: unknown): boolean {
  if (isEmpty(value)) return true;
  if (field?.defaultValue !== undefined && same(value, field.defaultValue)) return true;
  return false;
}

/** The file an entry was read from: the one sharing the most unchanged fields (at least half). */
function sourceOf(data: Data, body: string | undefined, keys: readonly string[]): ReadFile | undefined {
  let best: ReadFile | undefined;
  let bestScore = 0;
  for (const file of readFiles) {
    let score = file.blocks.filter((b) => same(b.value, data[b.key])).length;
    if (body !== undefined && file.body !== undefined && same(file.body.trim(), body.trim())) score += 1;
    if (score >= bestScore && score * 2 >= Math.max(keys.length, file.blocks.length)) {
      best = file;
      bestScore = score;
    }
  }
  return best;
}

/** YAML mapping text for `data`: unchanged fields as they were, changed and new ones the project's way. */
function mappingText(data: Data, fields: readonly FieldKind[], source: ReadFile | undefined, indent = ''): string {
  const known = new Map(fields.map((f) => [f.name, f]));
  const lines: string[] = [];
  const written = new Set<string>();
  for (const block of source?.blocks ?? []) {
    written.add(block.key);
    const field = known.get(block.key);
    const value = data[block.key];
    if (same(block.value, value)) lines.push(block.text);
    else if (field && !isEmpty(value)) {
      // Comments above a changed field stay.
      const comments = block.text.split('\n').filter((l) => /^\s*#/.test(l) && !/^\s*[\w-]+\s*:/.test(l));
      const firstField = block.text.split('\n').findIndex((l) => /^[A-Za-z_][\w-]*\s*:/.test(l));
      lines.push(...comments.slice(0, Math.max(0, firstField)), ...fieldLines(block.key, value, field.kind, indent));
    }
  }
  for (const field of fields) {
    if (written.has(field.name)) continue;
    const value = data[field.name];
    if (omittable(field, value) && !(field.required && !isEmpty(value))) continue;
    lines.push(...fieldLines(field.name, value, field.kind, indent));
  }
  if (source?.trailer) lines.push(source.trailer);
  return lines.join('\n');
}

/** A Markdown file with frontmatter: Decap's `fromFile`/`toFile` for one collection's fields. */
export function markdownFormat(fields: readonly FieldKind[]) {
  return {
    fromFile(content: string): Data {
      const match = /^---\r?\n([\s\S]*?\n)?---\r?\n?([\s\S]*)$/.exec(content);
      if (!match) {
        remember({ blocks: [], trailer: '', body: content, bodyLead: '' });
        return { body: content };
      }
      const { blocks, trailer } = splitBlocks(match[1] ?? '');
      const rest = match[2];
      const lead = /^(\r?\n)*/.exec(rest)?.[0] ?? '';
      const body = rest.slice(lead.length);
      remember({ blocks, trailer, body, bodyLead: lead });
      return { ...Object.fromEntries(blocks.map((b) => [b.key, b.value])), body };
    },
    toFile(data: Data): string {
      const { body = '', ...values } = data as Data & { body?: string };
      const text = String(body ?? '');
      const source = sourceOf(
        values,
        text,
        Object.keys(values).filter((k) => !isEmpty(values[k])),
      );
      const yaml = mappingText(values, fields, source);
      const sameBody = source?.body !== undefined && same(source.body.trim(), text.trim());
      const bodyText = sameBody ? source!.body! : text.replace(/^\n+/, '').replace(/\s*$/, '\n');
      return `---\n${yaml}\n---\n${source?.bodyLead ?? '\n'}${bodyText}`;
    },
  };
}

/** A data file: a YAML list of entries under its header comments, shown in the CMS as `items`. */
export function dataListFormat(fields: readonly FieldKind[]) {
  return {
    fromFile(content: string): Data {
      const lines = content.split('\n');
      const firstItem = lines.findIndex((l) => l.startsWith('- '));
      const header = firstItem === -1 ? lines.filter((l) => l !== '') : lines.slice(0, firstItem);
      const itemTexts: string[] = [];
      for (const line of firstItem === -1 ? [] : lines.slice(firstItem)) {
        if (line.startsWith('- ') || itemTexts.length === 0) itemTexts.push(line);
        else itemTexts[itemTexts.length - 1] += `\n${line}`;
      }
      const items = itemTexts.map((t) => ({ text: t.replace(/\n+$/, ''), value: (parse(t) as Data[] | null)?.[0] }));
      const file: ReadFile = {
        blocks: [{ key: 'items', text: content, value: items.map((i) => i.value) }],
        trailer: header.join('\n'),
      };
      dataItems.set(file, items);
      remember(file);
      return { items: items.map((i) => i.value) };
    },
    toFile(data: Data): string {
      const items = (Array.isArray(data.items) ? data.items : []) as Data[];
      const source = [...readFiles]
        .reverse()
        .find(
          (f) =>
            dataItems.has(f) &&
            f.blocks[0]?.value !== undefined &&
            (same(f.blocks[0].value, items) || sharesItems(dataItems.get(f)!, items)),
        );
      if (source && same(source.blocks[0].value, items)) return source.blocks[0].text;
      const known = source ? dataItems.get(source)! : [];
      const texts = items.map((item) => {
        const kept = known.find((k) => same(k.value, item));
        return kept ? kept.text : listItem(item, fields, '').join('\n');
      });
      const header = source?.trailer ? `${source.trailer}\n` : '';
      return `${header}${texts.join('\n')}\n`;
    },
  };
}

const dataItems = new WeakMap<ReadFile, { text: string; value: unknown }[]>();
const sharesItems = (known: { value: unknown }[], items: unknown[]) =>
  items.filter((item) => known.some((k) => same(k.value, item))).length * 2 >= Math.min(items.length, known.length);
