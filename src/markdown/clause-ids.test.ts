import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { describe, expect, it } from 'vitest';
import { clauseIdsPlugin } from './clause-ids.ts';

/** Renders Markdown as the site does (astro.config.mjs), as if it were the file at `path`. */
const render = (markdown: string, path = '/site/content/specification/2019/05-the-persons-journey.md') =>
  // The plugin is synchronous, so the result is too.
  (
    markdownToHtml(markdown, {
      fileURL: new URL(`file://${path}`),
      features: { gfm: true, smartPunctuation: true, headingAttributes: true },
      hastPlugins: [clauseIdsPlugin],
    }) as MarkdownToHtmlResult
  ).html;

describe('clause ids plugin', () => {
  it('gives a numbered heading its number anchor when the editor pinned none', () => {
    expect(render('## 5.2 First check\n')).toBe('<h2 id="clause-5-2">5.2 First check</h2>\n');
  });

  it('keeps a pinned id and adds the number anchor as an empty alias at the start of the heading', () => {
    expect(render('## 5.2 First check {#clause-screening}\n')).toBe(
      '<h2 id="clause-screening"><span id="clause-5-2"></span>5.2 First check</h2>\n',
    );
  });

  it('turns retired ids listed in data-aliases into aliases, and drops the attribute', () => {
    expect(render('## 5.2 First check {#clause-first-check data-aliases="clause-screening clause-5-2"}\n')).toBe(
      '<h2 id="clause-first-check"><span id="clause-5-2"></span><span id="clause-screening"></span>5.2 First check</h2>\n',
    );
  });

  it('leaves unnumbered headings and pages outside the specification alone', () => {
    expect(render('## Background\n')).toBe('<h2>Background</h2>\n');
    expect(render('## 5.2 First check\n', '/site/content/bulletins/2015-05.md')).toBe('<h2>5.2 First check</h2>\n');
  });
});
