import { describe, expect, it } from 'vitest';
import { bulletinSchema } from '../schemas/bulletin.ts';
import { editorMessages, schemaProblems } from './schema-problems.ts';

describe('schemaProblems', () => {
  it('names the object an unknown field is in, and carries the field meant as data', () => {
    const data = {
      title: 'x',
      date: new Date('2015-05-27'),
      summary: 'x',
      callToAction: { title: 'x', text: 'x', closes: new Date('2015-06-01'), clozes: 1 },
    };
    const result = bulletinSchema.safeParse(data, { reportInput: true, error: editorMessages });
    expect(result.success).toBe(false);
    const [problem] = schemaProblems(result.error!.issues, bulletinSchema, { file: 'f.md', lineOf: () => 3 });
    expect(problem).toMatchObject({
      field: 'callToAction.clozes',
      message: '`clozes` is not a field of a call to action.',
      suggestion: 'closes',
    });
  });
});
