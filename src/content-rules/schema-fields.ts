import { z } from 'astro/zod';

/** A JSON Schema node, as zod writes it: only the keys the field descriptions read. */
interface JsonSchema {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  /** What an object is, in editors' words ("a bulletin"): src/schemas/strict.ts puts it there. */
  noun?: string;
}

/** One field of a collection's frontmatter or data entry, for the editors' reference and error messages. */
export interface FieldRow {
  /** Dotted name: `callToAction.closes`, `sources[].title`. */
  name: string;
  /** The type in editors' words: "date (YYYY-MM-DD)", "text, 1 to 120 characters". */
  type: string;
  required: boolean;
  /** The field's `.describe()` text, with its default when it has one. */
  description: string;
}

/**
 * The schema as JSON Schema, with dates (which JSON cannot hold) written as `format: date`.
 * zod's own converter reads every `.describe()`, so the docs cannot drift from the schemas.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date' });
    },
  }) as JsonSchema;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * A JSON Schema node's type in editors' words.
 * @example describeType({ type: 'string', maxLength: 300, minLength: 1 }) // => 'text, 1 to 300 characters'
 */
export function describeType(node: JsonSchema): string {
  if (node.anyOf) return node.anyOf.map(describeType).join(' or ');
  if (node.enum) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  switch (node.type) {
    case 'string': {
      if (node.format === 'date') return 'date (YYYY-MM-DD, no quotes)';
      if (node.format === 'uri') return 'web address (https://…)';
      if (node.pattern === '^\\d+$') return 'number in quotes, such as "7"';
      if (node.pattern === '^\\d{4}$') return 'year in quotes, such as "2019"';
      const { minLength: min = 0, maxLength: max } = node;
      if (max !== undefined) return min > 0 ? `text, ${min} to ${max} characters` : `text, at most ${max} characters`;
      return min > 0 ? 'text, not empty' : 'text';
    }
    case 'integer':
    case 'number': {
      const noun = node.type === 'integer' ? 'whole number' : 'number';
      const low = node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : node.minimum;
      const high = node.maximum !== undefined && node.maximum < MAX_SAFE ? node.maximum : undefined;
      if (low !== undefined && high !== undefined) return `${noun}, ${low} to ${high}`;
      if (low !== undefined) return `${noun}, ${low} or more`;
      return noun;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'array':
      return node.items?.type === 'object'
        ? 'list of entries (fields below)'
        : `list (each: ${describeType(node.items ?? {})})`;
    case 'object':
      return 'group of fields (below)';
    default:
      return 'any value';
  }
}

function describeField(node: JsonSchema): string {
  const text = node.description ?? '';
  if (node.default === undefined) return text;
  const shown = Array.isArray(node.default) && node.default.length === 0 ? 'none' : `\`${String(node.default)}\``;
  return `${text} Default: ${shown}.`.trim();
}

/**
 * Every field of a schema, nested fields after their parent.
 * @example fieldRows(bulletinSchema)[0] // => { name: 'title', type: 'text, 1 to 120 characters', required: true, ... }
 */
export function fieldRows(schema: z.ZodType): FieldRow[] {
  const rows: FieldRow[] = [];
  const walk = (node: JsonSchema, prefix: string) => {
    const required = new Set(node.required ?? []);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const name = `${prefix}${key}`;
      rows.push({ name, type: describeType(child), required: required.has(key), description: describeField(child) });
      if (child.type === 'object') walk(child, `${name}.`);
      if (child.type === 'array' && child.items?.type === 'object') walk(child.items, `${name}[].`);
    }
  };
  walk(toJsonSchema(schema), '');
  return rows;
}

/**
 * The row for the field at a zod issue's path (list indexes are skipped), if the schema has it.
 * @example fieldAt(bulletinSchema, ['callToAction', 'closes'])?.type // => 'date (YYYY-MM-DD, no quotes)'
 */
export function fieldAt(schema: z.ZodType, path: readonly PropertyKey[]): FieldRow | undefined {
  const name = path
    .map((part) => (typeof part === 'number' ? '[]' : `.${String(part)}`))
    .join('')
    .replace(/^\./, '')
    .replaceAll('.[]', '[]');
  return cachedFieldRows(schema).find((row) => row.name === name.replace(/\[\]$/, ''));
}

const cache = new WeakMap<z.ZodType, FieldRow[]>();
/** `fieldRows`, worked out once per schema: the check asks for every issue. */
export function cachedFieldRows(schema: z.ZodType): FieldRow[] {
  let rows = cache.get(schema);
  if (!rows) cache.set(schema, (rows = fieldRows(schema)));
  return rows;
}

/**
 * The noun of the object at a zod issue's path ("a call to action"), from the schema's metadata.
 * @example nounAt(bulletinSchema, ['callToAction']) // => 'a call to action'
 */
export function nounAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  let node: JsonSchema | undefined = cachedJsonSchema(schema);
  for (const part of path) {
    while (node?.anyOf) node = node.anyOf.find((option) => option.type === 'object' || option.type === 'array');
    node = typeof part === 'number' ? node?.items : node?.properties?.[String(part)];
  }
  while (node?.anyOf) node = node.anyOf.find((option) => option.type === 'object');
  return node?.noun;
}

const jsonCache = new WeakMap<z.ZodType, JsonSchema>();
function cachedJsonSchema(schema: z.ZodType): JsonSchema {
  let json = jsonCache.get(schema);
  if (!json) jsonCache.set(schema, (json = toJsonSchema(schema)));
  return json;
}
