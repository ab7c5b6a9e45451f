import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from './frontmatter.ts';
import { parseYamlSource } from './yaml-source.ts';

describe('splitFrontmatter', () => {
  it('finds the fields and the lines they start on', () => {
    expect(splitFrontmatter('---\ntitle: x\n---\nText')).toEqual({
      ok: true,
      yaml: 'title: x\n',
      yamlLine: 2,
      bodyLine: 4,
    });
    expect(splitFrontmatter('\uFEFF\n---\r\na: 1\r\n---\r\n')).toMatchObject({ ok: true, yamlLine: 3 });
  });

  it('says when there is none, or it is not closed', () => {
    expect(splitFrontmatter('Text')).toEqual({ ok: false, reason: 'missing' });
    expect(splitFrontmatter('---\ntitle: x\n')).toEqual({ ok: false, reason: 'unclosed' });
  });
});

describe('parseYamlSource', () => {
  it('reads dates as dates, as Astro does, and knows each field’s line', () => {
    const yaml = parseYamlSource('title: "x"\ndate: 2015-05-27\ncta:\n  closes: 2015-06-30\nlist:\n  - a: 1\n', 2);
    expect(yaml.value).toMatchObject({ date: new Date('2015-05-27'), cta: { closes: new Date('2015-06-30') } });
    expect(yaml.lineOf(['date'])).toBe(3);
    expect(yaml.lineOf(['cta', 'closes'])).toBe(5);
    expect(yaml.lineOf(['cta', 'missing'])).toBe(4);
    expect(yaml.lineOf(['list', 0, 'a'])).toBe(7);
    // A missing field at the top points at the opening `---`, the line before the first field.
    expect(yaml.lineOf(['absent'])).toBe(1);
  });

  it('keeps `yes` as text, as Astro’s YAML 1.2 reader does', () => {
    expect(parseYamlSource('draft: yes').value).toEqual({ draft: 'yes' });
  });

  it('reports syntax errors on their line, without the parser’s code excerpt', () => {
    const yaml = parseYamlSource('a: 1\nb: c: d\n', 2);
    expect(yaml.value).toBeUndefined();
    expect(yaml.errors).toEqual([
      { line: 3, code: 'BLOCK_AS_IMPLICIT_KEY', message: 'Nested mappings are not allowed in compact mappings' },
    ]);
  });
});
