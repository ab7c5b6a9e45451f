import { describe, expect, it } from 'vitest';
import { formPlace, inFormWords, sentence, withoutMarkdown } from './form-words.ts';
import type { Problem } from './problems.ts';

const raw = [
  '---',
  'title: "Synthetic"',
  'callToAction:',
  '  closes: 2015-01-01',
  '---',
  '',
  '## A broken link',
  '',
  'See [clause 9.9](/specification/synthetic-steps/#clause-9-9) for the steps.',
  '',
  '![](./images/people-seen-chart.png)',
].join('\n');
const labels = { title: 'Title', callToAction: 'Call to action', 'callToAction.closes': 'Closing date' };
const problem = (p: Partial<Problem>): Problem => ({
  severity: 'error',
  file: 'content/bulletins/2015-07.md',
  message: 'x',
  fix: 'y',
  ...p,
});

describe('problems in the form’s words', () => {
  it('names a field by its label, a field in a group with its group’s', () => {
    expect(formPlace(problem({ field: 'title', line: 2 }), labels, raw)).toBe('Title');
    expect(formPlace(problem({ field: 'callToAction.closes', line: 4 }), labels, raw)).toBe(
      'Closing date (Call to action)',
    );
  });

  it('names a place in the text by the words there, never by its line or its Markdown', () => {
    expect(formPlace(problem({ line: 9 }), labels, raw)).toBe('Text, near “See clause 9.9 for the steps.”');
    expect(formPlace(problem({ line: 10 }), labels, raw)).toBe('Text, near “See clause 9.9 for the steps.”');
    expect(formPlace(problem({ line: 11 }), labels, raw)).toBe('Text, the image ‘people-seen-chart.png’');
  });

  it('says a rule’s own form words when it has them (the empty alt text), with no line number', () => {
    const said = inFormWords(
      problem({
        line: 11,
        message: 'The image ./images/people-seen-chart.png has no alt text.',
        expected: 'in the square brackets: ![Map](…)',
        form: { message: 'Alt text of the image ‘people-seen-chart.png’ is empty: describe what it shows' },
      }),
      labels,
      raw,
    );
    expect(said.message).toBe('Alt text of the image ‘people-seen-chart.png’ is empty: describe what it shows.');
    expect(JSON.stringify(said)).not.toMatch(/line|\]\(|!\[/);
  });

  it('a missing field: its label is empty, fill it in; no YAML in the advice', () => {
    const said = inFormWords(
      problem({
        field: 'title',
        line: 1,
        message: 'This field is missing.',
        expected: 'text, 1 to 120 characters. The issue’s title.',
        fix: 'Add a line `title: …`',
      }),
      labels,
      raw,
    );
    expect(said).toMatchObject({
      where: 'Title',
      message: 'Title is empty.',
      fix: 'Fill in Title: text, 1 to 120 characters.',
    });
  });

  it('other messages lose their Markdown: links and images by their words, code marks as quotes', () => {
    expect(withoutMarkdown('The link [clause 9.9](/s/#c) is broken; use `version: "2019"`.')).toBe(
      'The link “clause 9.9” (/s/#c) is broken; use ‘version: "2019"’.',
    );
    expect(withoutMarkdown('![A map](./images/map.png)')).toBe('the image ‘map.png’ (“A map”)');
  });

  it('ends a sentence once: never ".."', () => {
    expect(sentence('at most 300 characters.')).toBe('at most 300 characters.');
    expect(sentence('at most 300 characters')).toBe('at most 300 characters.');
    expect(sentence('“quoted.”')).toBe('“quoted.”');
  });
});
