import { describe, expect, it } from 'vitest';
import { printableSection } from './print.ts';

describe('printableSection', () => {
  it('moves every heading one level down, once', () => {
    expect(printableSection('<h2>A</h2><h3>B</h3><h4>C</h4>', 's')).toBe('<h3>A</h3><h4>B</h4><h5>C</h5>');
  });

  it('keeps clause anchors and prefixes other ids, with the links to them', () => {
    const html =
      '<h2 id="clause-3-2">3.2 Screening</h2><h2 id="background">Background</h2><a href="#background">up</a>';
    expect(printableSection(html, 'who-the-service-is-for')).toBe(
      '<h3 id="clause-3-2">3.2 Screening</h3><h3 id="who-the-service-is-for-background">Background</h3>' +
        '<a href="#who-the-service-is-for-background">up</a>',
    );
  });

  it('leaves links to clauses and to other pages alone', () => {
    const html = '<p><a href="#clause-3-2">3.2</a> <a href="/specification/">Contents</a></p>';
    expect(printableSection(html, 's')).toBe(html);
  });
});
