import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './check-content.ts';
import { formatProblem } from './problems.ts';
import { makeContent } from '../../cli/lib/testing/content-fixture.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Checks synthetic content with some files changed; returns the messages as an editor sees them. */
function check(files: Record<string, string | Uint8Array | null>, buildDate = '2015-06-01'): string {
  const dir = makeContent(files);
  made.push(dir);
  const { problems } = checkContent({
    contentDir: dir,
    root: process.cwd(),
    buildDate: new Date(buildDate),
  });
  return problems.map(formatProblem).join('\n\n').replaceAll(dir, 'content');
}

const issue = (fields: string[], body = 'Synthetic text.') => ['---', ...fields, '---', '', body, ''].join('\n');
const may = ['title: "Synthetic: May 2015"', 'date: 2015-05-27', 'summary: "A synthetic issue."'];

describe('checkContent', () => {
  it('finds nothing wrong with valid content', () => {
    expect(check({})).toBe('');
  });

  it('names a missing field, what it should hold and where to add it', () => {
    expect(check({ 'bulletins/2015-05.md': issue(may.slice(0, 2)) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:1  field \`summary\`
        This field is missing.
        Expected: text, 1 to 300 characters. A summary for lists, feeds and search; at most 300 characters.
        How to fix: Add a line \`summary: …\` with text, 1 to 300 characters."
    `);
  });

  it('suggests the field meant for an unknown one', () => {
    expect(check({ 'bulletins/2015-05.md': issue([...may, 'titel: "x"']) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:5  field \`titel\`
        \`titel\` is not a field of a bulletin.
        Expected: one of the fields \`title\`, \`date\`, \`summary\`, \`topics\`, \`draft\`, \`callToAction\`
        How to fix: Did you mean \`title\`? Rename \`titel\` to \`title\`."
    `);
  });

  it('explains a value of the wrong kind', () => {
    expect(
      check({ 'bulletins/2015-05.md': issue(['title: "x"', 'date: "27 May 2015"', 'summary: "x"', 'draft: "yes"']) }),
    ).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:3  field \`date\`
        Expected a date like 2015-05-27 (year-month-day, no quotes).
        Expected: date (YYYY-MM-DD, no quotes). The day the issue was published; its year and month match the file name.
        How to fix: Write the date as year-month-day without quotes: \`date: 2015-05-27\`.

      Error: content/bulletins/2015-05.md:5  field \`draft\`
        Expected \`true\` or \`false\`, but found the text "yes".
        Expected: \`true\` or \`false\`. Switched on (true in the file), the issue stays out of the published site. Default: \`false\`.
        How to fix: Write \`draft: true\` or \`draft: false\`, without quotes."
    `);
  });

  it('explains a value that is too long', () => {
    expect(check({ 'bulletins/2015-05.md': issue([...may.slice(0, 2), `summary: "${'x'.repeat(301)}"`]) }))
      .toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:4  field \`summary\`
        Keep the summary to 300 characters or fewer: it is shown in lists, feeds and search.
        Expected: text, 1 to 300 characters. A summary for lists, feeds and search; at most 300 characters.
        How to fix: Shorten \`summary\` to 300 characters or fewer."
    `);
  });

  it('points at the line of YAML that does not parse', () => {
    expect(check({ 'bulletins/2015-05.md': issue(['title: Bulletin: May 2015', 'date: 2015-05-27', 'summary: "x"']) }))
      .toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:2
        The frontmatter is not valid YAML here: Nested mappings are not allowed in compact mappings.
        Expected: one \`field: value\` per line, nested fields indented by two spaces
        How to fix: Put text that contains a colon, a # or quotes in double quotes (\`title: "Bulletin: May 2015"\`), and indent nested fields by two spaces."
    `);
  });

  it('recognises curly quotes pasted from Word, and says what to type instead', () => {
    const fields = ['title: “Bulletin: July 2015”', 'date: 2015-05-27', 'summary: ‘x’'];
    expect(check({ 'bulletins/2015-05.md': issue(fields) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:2  field \`title\`
        The value of \`title\` is in curly quotes (“…), as Word and email write them. Only straight quotes (") mark where a value starts and ends, so a colon inside it breaks the line.
        Expected: the value between straight quotes: \`title: "…"\`
        How to fix: Replace the curly quotes around the value with straight ones ("), typed in the editor rather than pasted."
    `);
    expect(check({ 'bulletins/2015-05.md': issue(['title: “July”', ...may.slice(1)]) })).toMatchInlineSnapshot(`
      "Warning: content/bulletins/2015-05.md:2  field \`title\`
        The value of \`title\` is in curly quotes (“…), as Word and email write them: readers would see the quotes as part of the title.
        Expected: the value between straight quotes: \`title: "…"\`
        How to fix: Replace the curly quotes around the value with straight ones ("), typed in the editor rather than pasted."
    `);
  });

  it('points a missing field at the frontmatter, not at a comment above the fields', () => {
    expect(check({ 'bulletins/2015-05.md': issue(['# The fields of this issue', ...may.slice(0, 2)]) })).toMatch(
      /^Error: content\/bulletins\/2015-05\.md:1 {2}field `summary`\n {2}This field is missing\./,
    );
  });

  it('says when a file has no frontmatter', () => {
    expect(check({ 'bulletins/2015-05.md': 'Just text.\n' })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:1
        The file has no frontmatter: the fields between two \`---\` lines at the top of the file.
        Expected: a \`---\` line, the fields (such as \`title: "…"\`), then another \`---\` line
        How to fix: Add the frontmatter at the top: see docs/editors/frontmatter.md for the fields."
    `);
  });

  it('finds a file that is not UTF-8 text, and the line', () => {
    const latin1 = Buffer.from(issue(['title: "Caf\xe9 news"', 'date: 2015-05-27', 'summary: "x"']), 'latin1');
    expect(check({ 'bulletins/2015-05.md': latin1 })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:2
        The file is not UTF-8 text: this line has a character saved in another encoding (often Windows-1252, from Word or Excel).
        Expected: text saved as UTF-8
        How to fix: Reopen the file in its old encoding and save it as UTF-8 (in VS Code: "Reopen with Encoding", then "Save with Encoding", UTF-8)."
    `);
  });

  it('finds a binary file saved with a text name', () => {
    expect(check({ 'bulletins/2015-05.md': new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md
        The file is not text: it looks like a binary file, such as a Word document or an image, saved under a text name.
        Expected: plain text saved as UTF-8
        How to fix: Copy the words into a plain-text editor and save them as UTF-8 text, or move the file out of the content folder."
    `);
  });

  it('finds an empty file', () => {
    expect(check({ 'bulletins/2015-05.md': '' })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md
        The file is empty.
        Expected: frontmatter between two \`---\` lines, then the text
        How to fix: Write the frontmatter and text, or delete the file. \`npm run new:bulletin\` writes a new issue with every field."
    `);
  });

  it('finds a published issue with no text, and only warns for a draft', () => {
    const headingsOnly = '## Update on the programme\n\n<!-- To write. -->';
    expect(check({ 'bulletins/2015-05.md': issue(may, headingsOnly) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:6
        The issue has no text: below the frontmatter there are only headings or comments.
        Expected: the issue’s text below the frontmatter’s closing \`---\`
        How to fix: Write the issue under its headings, or set \`draft: true\` while it is being written."
    `);
    expect(check({ 'bulletins/2015-05.md': issue([...may, 'draft: true'], headingsOnly) })).toMatchInlineSnapshot(`
      "Warning: content/bulletins/2015-05.md:7
        The issue has no text yet. It is unpublished, so this does not stop the build.
        Expected: the issue’s text below the frontmatter’s closing \`---\`
        How to fix: Write the issue under its headings before you publish it."
    `);
  });

  it('finds two issues with the same date', () => {
    expect(check({ 'bulletins/2015-05.md': issue(may), 'bulletins/2015-05-extra.md': issue(may) }))
      .toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05-extra.md:3  field \`date\`
        The file name says 2015-05-extra, but the issue is dated 27 May 2015.
        Expected: a file named for the year and month of its date: 2015-05.md
        How to fix: Rename the file to 2015-05.md, or correct \`date\`.

      Error: content/bulletins/2015-05-extra.md:3  field \`date\`
        Two issues have the date 27 May 2015: this one and content/bulletins/2015-05.md.
        Expected: one issue for each date
        How to fix: Correct the date of one of them, or merge them into one issue.

      Error: content/bulletins/2015-05.md:3  field \`date\`
        Two issues have the date 27 May 2015: this one and content/bulletins/2015-05-extra.md.
        Expected: one issue for each date
        How to fix: Correct the date of one of them, or merge them into one issue."
    `);
  });

  it('refuses an MDX file, which could run code when the site is built', () => {
    expect(check({ 'bulletins/2015-05.md': null, 'bulletins/2015-05.mdx': issue(may) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.mdx
        MDX files are not accepted in the content folder: MDX can run code on the computer that builds the site, so the site does not read them.
        Expected: a Markdown file (.md): words, headings, lists, links, images and tables
        How to fix: Rename the file to .md and remove any \`import\` lines, \`{…}\` expressions and components such as \`<Chart />\`. If a page needs a component, ask the developers to add it to the site’s templates."
    `);
  });

  it('finds a version of the specification that is not listed, and a section named like another page', () => {
    const section = (version: string) =>
      [
        '---',
        'section: 5',
        'title: "x"',
        'summary: "x"',
        `version: "${version}"`,
        '---',
        '',
        'Synthetic text.',
        '',
      ].join('\n');
    expect(check({ 'specification/2024/05-x.md': section('2024'), 'specification/2019/06-print.md': section('2019') }))
      .toMatchInlineSnapshot(`
      "Error: content/data/specification-versions.yaml:1  field \`status\`
        Exactly one version, the newest ("2024"), must be \`status: current\`; "2019" is.
        Expected: \`status: current\` on "2024" only
        How to fix: Mark the newest version \`current\` and the others \`superseded\`.

      Error: content/specification/2019/05-the-persons-journey.md:2  field \`section\`
        Two sections of the 2019 specification are numbered 5: this one and content/specification/2019/06-print.md.
        Expected: one section for each number in a version
        How to fix: Renumber one of them (and its file name prefix).

      Error: content/specification/2019/06-print.md
        A section cannot be named "print": /specification/print/ is the address of another page.
        Expected: a file name other than changes, print, a year, after the number
        How to fix: Rename the file, for example after the section’s title.

      Error: content/specification/2019/06-print.md:2  field \`section\`
        Two sections of the 2019 specification are numbered 5: this one and content/specification/2019/05-the-persons-journey.md.
        Expected: one section for each number in a version
        How to fix: Renumber one of them (and its file name prefix).

      Error: content/specification/2024/05-x.md:5  field \`version\`
        The 2024 version has sections, but data/specification-versions.yaml does not list a version "2024".
        Expected: an entry with \`id: "2024"\` in data/specification-versions.yaml
        How to fix: Add the 2024 version to data/specification-versions.yaml with its title, published date and status."
    `);
  });

  it('finds a file name that does not match the date', () => {
    expect(check({ 'bulletins/2015-06.md': issue(may) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-06.md:3  field \`date\`
        The file name says 2015-06, but the issue is dated 27 May 2015.
        Expected: a file named for the year and month of its date: 2015-05.md
        How to fix: Rename the file to 2015-05.md, or correct \`date\`."
    `);
  });

  it('finds images without alt text', () => {
    const body =
      'Synthetic text.\n\n![](/assets/images/nhsuk-icon-cross.svg)\n\n<img src="/assets/images/nhsuk-icon-cross.svg">';
    expect(check({ 'bulletins/2015-05.md': issue(may, body) })).toMatchInlineSnapshot(`
      "Error: content/bulletins/2015-05.md:9
        The image /assets/images/nhsuk-icon-cross.svg has no alt text, so people who cannot see it are not told what it shows.
        Expected: a short description of what the image shows, in the square brackets: ![Map of the wave 2 schemes](…)
        How to fix: Describe the image in the square brackets (or in \`alt="…"\` for an <img> tag).

      Error: content/bulletins/2015-05.md:11
        The image /assets/images/nhsuk-icon-cross.svg has no alt text, so people who cannot see it are not told what it shows.
        Expected: a short description of what the image shows, in the square brackets: ![Map of the wave 2 schemes](…)
        How to fix: Describe the image in the square brackets (or in \`alt="…"\` for an <img> tag)."
    `);
  });

  it('warns of a gap in the cadence without failing', () => {
    expect(
      check({ 'bulletins/2015-07.md': issue(['title: "July"', 'date: 2015-07-27', 'summary: "x"']) }, '2015-08-01'),
    ).toMatchInlineSnapshot(`
      "Warning: content/bulletins
        No issue for May 2015: the issues either side are April 2015 and July 2015.
        Expected: an issue in May 2015: the bulletin comes out monthly until May 2015, then every two months (src/lib/cadence.ts)
        How to fix: Add the missing issue if there was one (\`npm run new:bulletin -- --date 2015-05-01\`); if none came out, ignore this warning."
    `);
  });

  it('warns of programme pages past their review date, naming the owner', () => {
    expect(check({}, '2016-02-01')).toMatchInlineSnapshot(`
      "Warning: content/programme/about.md:6  field \`reviewBy\`
        The page was due for review by 1 January 2016. Owner: Synthetic team.
        Expected: a review date on or after 1 February 2016
        How to fix: Ask Synthetic team to check the page, then set \`lastReviewed\` to the day it was checked and \`reviewBy\` to the next review date."
    `);
  });

  it('finds problems in data files, on the entry’s line', () => {
    expect(
      check({
        'data/timeline.yaml': [
          '- id: "a"',
          '  date: "2015"',
          '  sortDate: 2015-01-01',
          '  event: "Synthetic."',
          '  sources: [3]',
          '- id: "b"',
          '  date: "2016"',
          '  sortdate: 2016-01-01',
          '  event: "Synthetic."',
          '',
        ].join('\n'),
      }),
    ).toMatchInlineSnapshot(`
      "Error: content/data/timeline.yaml:1  field \`sources\`
        The event "a" cites source 3, which is not in data/sources.yaml.
        Expected: numbers of sources in data/sources.yaml (1)
        How to fix: Add source 3 to data/sources.yaml, or correct the number.

      Error: content/data/timeline.yaml:6  field \`sortDate\`
        This field is missing.
        Expected: date (YYYY-MM-DD, no quotes). A full date used only to sort.
        How to fix: Add a line \`sortDate: …\` with date (YYYY-MM-DD, no quotes).

      Error: content/data/timeline.yaml:8  field \`sortdate\`
        \`sortdate\` is not a field of a timeline event.
        Expected: one of the fields \`id\`, \`date\`, \`sortDate\`, \`event\`, \`uncertain\`, \`sources\`
        How to fix: Did you mean \`sortDate\`? Rename \`sortdate\` to \`sortDate\`."
    `);
  });
  it('finds empty, repeated and unknown search synonyms, each on its line', () => {
    const problems = check({
      'data/synonyms.yaml': [
        '- id: "juvenile"',
        '  typed: ["juvenile"]',
        '  searchFor: ["children and young people"]',
        '- id: "minor"',
        '  typed: ["minor", "juvenile"]',
        '  searchFor: ["children"]',
        '- id: "yot"',
        '  typed: ["YOT", "yot"]',
        '  searchFor: [""]',
        '  searchfor: ["youth offending team"]',
        '',
      ].join('\n'),
    });
    expect(problems).toContain('content/data/synonyms.yaml:8  field `typed[1]`');
    expect(problems).toContain('"yot" is already in `typed` of this entry');
    expect(problems).toContain('content/data/synonyms.yaml:4  field `typed`');
    expect(problems).toContain('"juvenile" is in `typed` of two entries, "juvenile" (line 1) and "minor"');
    expect(problems).toContain('content/data/synonyms.yaml:9  field `searchFor[0]`');
    expect(problems).toContain('This entry is empty: write a word or phrase, or delete the line.');
    expect(problems).toContain('Did you mean `searchFor`? Rename `searchfor` to `searchFor`.');
  });
});

describe('checkContent and an issue’s pictures, which live beside it', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const shown = issue(may, 'Synthetic text.\n\n![A synthetic map](./2015-05-synthetic-map.png)');

  it('accepts a picture beside the issue that shows it', () => {
    expect(check({ 'bulletins/2015-05.md': shown, 'bulletins/2015-05-synthetic-map.png': png })).toBe('');
  });

  it('warns of a picture no page shows, such as one whose name was typed differently', () => {
    expect(check({ 'bulletins/2015-05.md': issue(may), 'bulletins/2015-05-synthetic-map.png': png }))
      .toMatchInlineSnapshot(`
        "Warning: content/bulletins/2015-05-synthetic-map.png
          No page shows this picture: no issue or page links to it.
          Expected: a link to it in the issue it belongs to: ![What the picture shows](./2015-05-synthetic-map.png)
          How to fix: Add that link to the issue (check the spelling of the name), or delete the picture if it is not needed."
      `);
  });

  it('still warns of other files the site does not read', () => {
    expect(check({ 'bulletins/2015-05.md': issue(may), 'bulletins/notes.docx': png })).toContain(
      'The site does not read this file',
    );
  });
});
