import { describe, expect, it } from 'vitest';
import { EMAIL_SIZE_LIMIT, byteSize, emailText, inlineEmailCss } from './email.ts';

const page = `<!DOCTYPE html><html lang="en"><head><title>Issue</title></head><body>
<table class="app-email__container" width="600"><tr><td class="app-email__header"><img src="https://x.org/logo.png" alt="NHS"> Service</td></tr>
<tr><td><h2>Wave 2</h2><p>See <a href="https://x.org/bulletins/">past issues</a> or <a href="https://x.org/">https://x.org/</a>.</p></td></tr></table>
</body></html>`;
const css = `
  p { margin: 0 0 16px; }
  a { color: #005eb8; }
  .app-email__container { width: 600px; }
  @media (max-width: 620px) { .app-email__container { width: 100% !important; } }
`;

describe('inlineEmailCss', () => {
  // As the template writes it: the stylesheet in a <style> element in the head.
  const html = inlineEmailCss(page.replace('</head>', `<style>${css}</style></head>`));

  it('moves each rule into the style attribute of the elements it matches', () => {
    expect(html).toContain('<p style="margin: 0 0 16px;">');
    expect(html).toContain('<a href="https://x.org/bulletins/" style="color: #005eb8;">');
    expect(html).toMatch(/<table class="app-email__container" width="600" style="width: 600px;">/);
  });

  it('keeps only the media query in a style element', () => {
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1].trim());
    expect(styles).toHaveLength(1);
    expect(styles[0]).toMatch(/^@media \(max-width: 620px\)/);
  });

  it('keeps the document whole', () => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head>/);
    expect(html).toMatch(/<\/body><\/html>$/);
  });
});

describe('emailText', () => {
  const text = emailText(page);

  it('writes each link out after its words, and an address only once', () => {
    expect(text).toContain('See past issues <https://x.org/bulletins/> or https://x.org/.');
  });

  it('leaves out the header picture and the page title, keeping the words', () => {
    expect(text).not.toContain('NHS');
    expect(text).not.toContain('Issue');
    expect(text.startsWith('Wave 2\n\n')).toBe(true);
  });

  it('names an image by its alt text, and leaves out a decorative one', () => {
    expect(emailText('<p>Before <img src="https://x.org/chart.png" alt="A chart"> after</p>')).toBe(
      'Before [Image: A chart] after\n',
    );
    expect(emailText('<p>Words<img src="https://x.org/rule.png" alt=""></p>')).toBe('Words\n');
  });

  it('lays an issue’s table out as rows and columns, and the layout tables as blocks', () => {
    const table =
      '<table role="presentation" class="app-email__container"><tbody><tr><td><p>Intro</p>' +
      '<table><thead><tr><th>Wave</th><th>Schemes</th></tr></thead>' +
      '<tbody><tr><td>1</td><td>10</td></tr><tr><td>110</td><td>Synthetic</td></tr></tbody></table>' +
      '</td></tr></tbody></table>';
    expect(emailText(table)).toBe('Intro\n\nWave   Schemes\n1      10\n110    Synthetic\n');
  });

  it('wraps at 72 characters and ends with one newline', () => {
    const long = emailText(`<p>${'word '.repeat(40)}</p>`);
    expect(Math.max(...long.split('\n').map((line) => line.length))).toBeLessThanOrEqual(72);
    expect(long.endsWith('word\n')).toBe(true);
  });
});

describe('byteSize', () => {
  it('counts UTF-8 bytes, which is what Gmail measures', () => {
    expect(byteSize('£1')).toBe(3);
    expect(EMAIL_SIZE_LIMIT).toBe(104_448);
  });
});
