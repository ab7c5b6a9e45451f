import { fieldOverrides } from './overrides.ts';
import type { FieldKind, Kind } from './kinds.ts';

/** A field's widget and its options: a Decap field without its name and label. */
type WidgetPart = Omit<CmsField, 'name' | 'label' | 'widget'> & { widget: string };

/** A Decap CMS field, as its configuration takes it. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: string[];
  fields?: CmsField[];
  field?: CmsField;
  [option: string]: unknown;
}

/** "callToAction" => "Call to action": a label for a field the overrides do not name. */
const wordsOf = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (c) => c.toUpperCase())
    .replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

const labelOf = (name: string, path: string) =>
  fieldOverrides[path]?.label ?? fieldOverrides[name]?.label ?? wordsOf(name);

const escapeForRegex = (n: number) => String(n);

/** The Decap widget and options for one kind of value. */
function widgetFor(kind: Kind, name: string, path: string): WidgetPart {
  const override = fieldOverrides[path] ?? fieldOverrides[name];
  switch (kind.type) {
    case 'string': {
      const field: WidgetPart = { widget: override?.widget ?? 'string' };
      if (kind.format === 'url') {
        field.pattern = ['^https?://\\S+$', 'Expected a full web address, starting https://.'];
      } else if (kind.pattern) {
        field.pattern = [kind.pattern.source, kind.patternMessage ?? 'Expected the form the hint gives.'];
      } else if (kind.max !== undefined) {
        // The schema's own words when it has them: what `npm run check` would say.
        field.pattern = [
          `^[\\s\\S]{0,${escapeForRegex(kind.max)}}$`,
          kind.maxMessage ?? `Keep it to ${kind.max} characters or fewer.`,
        ];
      }
      return field;
    }
    case 'enum':
      return { widget: 'select', options: kind.options };
    case 'date':
      // Stored as written in YAML (2015-05-27), shown and typed the British way (british-date.ts).
      return { widget: 'british-date' };
    case 'number':
      return {
        widget: 'number',
        value_type: kind.integer ? 'int' : 'float',
        ...(kind.min === undefined ? {} : { min: kind.min }),
      };
    case 'boolean':
      return { widget: 'boolean' };
    case 'list':
      return kind.item.type === 'object'
        ? { widget: 'list', fields: kind.item.fields.map((f) => cmsField(f, `${path}.`)), collapsed: true }
        : {
            widget: 'list',
            field: { ...widgetFor(kind.item, name, path), name: 'item', label: labelOf(name, path) } as CmsField,
          };
    case 'object':
      return { widget: 'object', fields: kind.fields.map((f) => cmsField(f, `${path}.`)), collapsed: true };
  }
}

/**
 * The Decap field for one schema field: its kind's widget, required when the schema requires it, the
 * schema's description as the hint.
 * @example cmsField({ name: 'title', kind: { type: 'string' }, required: true, description: 'The title.' })
 * // => { name: 'title', label: 'Title', widget: 'string', required: true, hint: 'The title.' }
 */
export function cmsField(field: FieldKind, prefix = ''): CmsField {
  const path = `${prefix}${field.name}`;
  const result: CmsField = {
    name: field.name,
    label: labelOf(field.name, path),
    ...widgetFor(field.kind, field.name, path),
    required: field.required,
  };
  if (field.description) result.hint = field.description;
  // Decap checks an optional group's required fields even when the group is left empty, and so would
  // refuse every issue without a call to action. They are marked optional in the form and needed only
  // once the group is used: the check (in the preview, and before publishing) says so in its own words.
  if (result.widget === 'object' && !field.required) {
    for (const child of result.fields ?? []) {
      if (child.required) {
        child.required = false;
        child.hint = `${child.hint ?? ''} Needed when this ${result.label.toLowerCase()} is used.`.trim();
      }
    }
  }
  if (field.defaultValue !== undefined && !(Array.isArray(field.defaultValue) && field.defaultValue.length === 0))
    result.default = field.defaultValue;
  return result;
}
