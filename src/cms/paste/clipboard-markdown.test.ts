import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipboardToMarkdown } from './clipboard-markdown.ts';

const fixture = (name: string) => fs.readFileSync(`e2e/fixtures/clipboard/${name}`, 'utf8');
const md = (html: string) => clipboardToMarkdown(html).markdown;

describe('clipboard HTML to Markdown', () => {
  it.each(['word.html', 'google-docs.html', 'libreoffice.html', 'web-page.html'])(
    '%s: headings, bold, italic, link, nested lists and the table, with nothing of the office suite',
    (name) => {
      const markdown = md(fixture(name));
      expect(markdown + '\n').toBe(fixture('expected.md'));
      expect(markdown).not.toMatch(/mso-|o:p|·|\\|<|&nbsp;|\u00a0/);
    },
  );

  it('Word: a bold run Word marks "mso-bidi-font-weight:normal" stays bold; a Title moves headings down', () => {
    const html =
      "<h1>Synthetic title</h1><h2>Part</h2><p class=MsoNormal><b style='mso-bidi-font-weight:normal'>Still bold</b> text</p>";
    expect(md(html)).toBe('## Synthetic title\n\n### Part\n\n**Still bold** text');
  });

  it('drops empty paragraphs and line breaks at the edges; splits a paragraph at a break (no stray backslash)', () => {
    const html = '<p><br></p><p>&nbsp;</p><p>First line<br>Second line<br></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>';
    expect(md(html)).toBe('First line\n\nSecond line');
  });

  it('leaves pasted pictures out and says how many (they are added with the Image button, with alt text)', () => {
    const result = clipboardToMarkdown('<p>Before <img src="file:///C:/clip_image001.png"> after</p>');
    expect(result.markdown).toBe('Before after');
    expect(result.notes.imagesLeftOut).toBe(1);
  });

  it('never keeps a script, a style or an event attribute', () => {
    expect(md('<p onclick="alert(1)">Safe <script>alert(1)</script><style>p{}</style>text</p>')).toBe('Safe text');
  });
});
