import type { z } from 'astro/zod';

/**
 * What a schema field is, in the terms a form and a YAML writer need: read from the zod schemas in
 * src/schemas/, so the CMS's fields (fields.ts) and the files it writes (format.ts) never drift from
 * what `npm run check` and the build accept.
 */
export type Kind =
  | {
      type: 'string';
      format?: 'url';
      min?: number;
      max?: number;
      maxMessage?: string;
      pattern?: RegExp;
      patternMessage?: string;
    }
  | { type: 'enum'; options: string[] }
  | { type: 'date' }
  | { type: 'number'; integer: boolean; min?: number }
  | { type: 'boolean' }
  | { type: 'list'; item: Kind }
  | { type: 'object'; fields: FieldKind[] };

/** One field of an object schema. */
export interface FieldKind {
  name: string;
  kind: Kind;
  /** Neither optional nor defaulted: the file must have it. */
  required: boolean;
  /** The value the schema fills in when the field is left out. */
  defaultValue?: unknown;
  /** The schema's `.describe()` text. */
  description?: string;
}

// zod v4 keeps each schema's definition in `_zod.def`; only the parts read here are typed.
interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  error?: (issue: unknown) => unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The fields of an object schema (a strict object, refinements included), in the schema's order.
 * @example fieldKinds(bulletinSchema)[0] // => { name: 'title', kind: { type: 'string', min: 1, max: 120 }, required: true, … }
 */
export function fieldKinds(schema: z.ZodType): FieldKind[] {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape) throw new Error(`Expected an object schema, found ${def.type}.`);
  return Object.entries(def.shape).map(([name, field]) => fieldKind(name, field));
}

function fieldKind(name: string, schema: z.ZodType): FieldKind {
  let current = schema;
  let required = true;
  let defaultValue: unknown;
  let description = schema.description;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') required = false;
    else if (def.type === 'default') {
      required = false;
      defaultValue = typeof def.defaultValue === 'function' ? undefined : def.defaultValue;
    } else break;
    current = def.innerType!;
    description ??= current.description;
  }
  return { name, kind: kindOf(current), required, defaultValue, description };
}

function kindOf(schema: z.ZodType): Kind {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string': {
      const kind: Kind & { type: 'string' } = { type: 'string' };
      if (def.format === 'url') kind.format = 'url';
      for (const check of checks) {
        if (check.check === 'min_length') kind.min = check.minimum;
        if (check.check === 'max_length') {
          kind.max = check.maximum;
          const message = check.error?.({});
          if (typeof message === 'string') kind.maxMessage = message;
        }
        if (check.check === 'string_format' && check.format === 'regex') {
          kind.pattern = check.pattern;
          const message = check.error?.({});
          if (typeof message === 'string') kind.patternMessage = message;
        }
      }
      return kind;
    }
    case 'enum':
      return { type: 'enum', options: Object.values(def.entries ?? {}) };
    case 'date':
      return { type: 'date' };
    case 'number': {
      const kind: Kind & { type: 'number' } = { type: 'number', integer: false };
      for (const check of checks) {
        if (check.check === 'number_format' && /int/.test(check.format ?? '')) kind.integer = true;
        if (check.check === 'greater_than' && check.value !== undefined)
          kind.min = check.inclusive ? check.value : check.value + 1;
      }
      return kind;
    }
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      return { type: 'list', item: kindOf(def.element!) };
    case 'object':
      return { type: 'object', fields: fieldKinds(schema) };
    default:
      throw new Error(`The CMS cannot show a ${def.type} field yet: add it to src/cms/kinds.ts.`);
  }
}
