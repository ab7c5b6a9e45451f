import type { z } from 'astro/zod';
import { suggestField } from '../schemas/strict.ts';
import { cachedFieldRows, fieldAt, nounAt } from './schema-fields.ts';
import type { Problem } from './problems.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };
type RawIssue = z.core.$ZodRawIssue;

/**
 * A field name for messages: `callToAction.closes`, `sources[2].url`.
 * @example fieldName(['sources', 2, 'url']) // => 'sources[2].url'
 */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** What a value is, in an editor's words, for "found …". */
function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `\`${value}\``;
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  date: 'a date',
  array: 'a list',
  object: 'a group of fields',
};

/**
 * zod's messages for editors, where a schema gives none of its own (a schema's own `error` wins over this).
 * Pass it as `schema.safeParse(data, { error: editorMessages })`.
 */
export function editorMessages(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This field is missing.';
      return `Expected ${TYPE_WORDS[issue.expected] ?? issue.expected}, but found ${describeValue(issue.input)}.`;
    case 'too_big':
      if (issue.origin === 'string')
        return `Too long: ${String(issue.input).length} characters, where at most ${issue.maximum} fit.`;
      if (issue.origin === 'array') return `Too many items: at most ${issue.maximum}.`;
      return `Too large: at most ${issue.maximum}.`;
    case 'too_small':
      if (issue.origin === 'string') return 'This field is empty.';
      if (issue.origin === 'array') return `Too few items: at least ${issue.minimum}.`;
      return `Too small: ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}.`;
    case 'invalid_format':
      if (issue.format === 'url' && issue.note === 'Invalid protocol')
        return `${describeValue(issue.input)} is not an address the site publishes: links may only be https:, http: or mailto: addresses.`;
      if (issue.format === 'url') return `${describeValue(issue.input)} is not a full web address.`;
      return `${describeValue(issue.input)} is not in the expected form.`;
    case 'invalid_value':
      return `Found ${describeValue(issue.input)}, which is not one of the allowed values.`;
    default:
      return undefined;
  }
}

/** How to fix an issue, from its kind and the field. */
function fixFor(issue: Issue, key: string, field: string, expectedType?: string): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) {
        const parent = field.includes('.') ? ` inside \`${field.slice(0, field.lastIndexOf('.'))}\`` : '';
        return `Add a line \`${key}: …\`${parent} with ${expectedType ?? 'a value'}.`;
      }
      if (issue.expected === 'date') return `Write the date as year-month-day without quotes: \`${key}: 2015-05-27\`.`;
      if (issue.expected === 'string') return `Put the value in double quotes: \`${key}: "…"\`.`;
      if (issue.expected === 'boolean') return `Write \`${key}: true\` or \`${key}: false\`, without quotes.`;
      if (issue.expected === 'array') return `Write a list in square brackets: \`${key}: ["first", "second"]\`.`;
      return `Change \`${key}\` to ${expectedType ?? TYPE_WORDS[issue.expected] ?? issue.expected}.`;
    case 'too_big':
      return issue.origin === 'string'
        ? `Shorten \`${key}\` to ${issue.maximum} characters or fewer.`
        : `Reduce \`${key}\` to at most ${issue.maximum}.`;
    case 'too_small':
      return issue.origin === 'string'
        ? `Write something in \`${key}\`, or delete the line if the field is optional.`
        : `Change \`${key}\` to at least ${issue.minimum}.`;
    case 'invalid_format':
      return issue.format === 'url'
        ? 'Write the full address, starting https:// (or mailto: for an email address), in double quotes.'
        : `Change \`${key}\` to ${expectedType ?? 'the expected form'}.`;
    case 'invalid_value':
      return `Use one of: ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
    default:
      return 'Change the field as the message says.';
  }
}

/**
 * Turns zod issues into problems with the file's line for each field.
 * Each unknown field becomes its own problem, on its own line, with a did-you-mean.
 */
export function schemaProblems(
  issues: readonly Issue[],
  schema: z.ZodType,
  at: { file: string; lineOf: (path: readonly PropertyKey[]) => number; prefix?: readonly PropertyKey[] },
): Problem[] {
  const prefix = at.prefix ?? [];
  return issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const meant = suggestField(key, knownKeys(schema, issue.path));
        return {
          severity: 'error',
          file: at.file,
          line: at.lineOf([...prefix, ...issue.path, key]),
          field: fieldName([...issue.path, key]),
          message: `\`${key}\` is not a field of ${nounAt(schema, issue.path) ?? 'this collection'}.`,
          expected: `one of the fields ${knownKeys(schema, issue.path)
            .map((k) => `\`${k}\``)
            .join(', ')}`,
          fix: meant
            ? `Did you mean \`${meant}\`? Rename \`${key}\` to \`${meant}\`.`
            : `Remove the line \`${key}: …\`, or move what it says into the text.`,
          suggestion: meant,
        };
      });
    }
    const row = fieldAt(schema, issue.path);
    const key = String([...issue.path].reverse().find((p) => typeof p === 'string') ?? 'value');
    return [
      {
        severity: 'error',
        file: at.file,
        line: at.lineOf([...prefix, ...issue.path]),
        field: fieldName(issue.path),
        // A schema's own type message ("Expected a date like …") would hide that the field is simply not there.
        message: issue.code === 'invalid_type' && issue.input === undefined ? 'This field is missing.' : issue.message,
        expected: row ? `${row.type}. ${row.description}`.trim() : undefined,
        fix: fixFor(issue, key, fieldName(issue.path), row?.type),
      },
    ];
  });
}

/** The fields an object in the schema has, at a path (the root, or a nested group). */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const prefix = fieldName(path).replace(/\[\d+\]/g, '[]');
  const rows = cachedFieldRows(schema);
  return rows
    .map((row) => row.name)
    .filter((name) => (prefix ? name.startsWith(`${prefix}.`) : !name.includes('.') && !name.includes('[')))
    .map((name) => (prefix ? name.slice(prefix.length + 1) : name))
    .filter((name) => !name.includes('.') && !name.includes('['));
}
