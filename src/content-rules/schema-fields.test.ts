import { describe, expect, it } from 'vitest';
import { bulletinSchema } from '../schemas/bulletin.ts';
import { programmeSchema } from '../schemas/programme.ts';
import { fieldAt, fieldRows } from './schema-fields.ts';

describe('schema fields', () => {
  it('describes every field, nested ones after their group', () => {
    expect(fieldRows(bulletinSchema).map((r) => [r.name, r.type, r.required])).toEqual([
      ['title', 'text, 1 to 120 characters', true],
      ['date', 'date (YYYY-MM-DD, no quotes)', true],
      ['summary', 'text, 1 to 300 characters', true],
      ['topics', 'list (each: text, not empty)', false],
      ['draft', '`true` or `false`', false],
      ['callToAction', 'group of fields (below)', false],
      ['callToAction.title', 'text, not empty', true],
      ['callToAction.text', 'text, not empty', true],
      ['callToAction.href', 'web address (https://…)', false],
      ['callToAction.closes', 'date (YYYY-MM-DD, no quotes)', true],
    ]);
  });

  it('finds the field at an issue’s path, list indexes included', () => {
    expect(fieldAt(programmeSchema, ['sources', 2, 'url'])?.name).toBe('sources[].url');
    expect(fieldAt(programmeSchema, ['status'])?.type).toBe('one of `current`, `historical`');
    expect(fieldAt(programmeSchema, ['nope'])).toBeUndefined();
  });
});
