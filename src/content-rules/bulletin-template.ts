import { formatMonth, isoDay } from '../lib/dates.ts';
import { bulletinSchema } from '../schemas/bulletin.ts';
import { cachedFieldRows } from './schema-fields.ts';

/** The summary a new issue starts with; `npm run check` will not publish an issue that still has it. */
export const SUMMARY_PLACEHOLDER = 'Write one or two sentences on what this issue covers.';

/** The sections most issues have, as headings to write under. */
export const USUAL_SECTIONS: readonly { heading: string; prompt: string }[] = [
  { heading: 'Update on the programme', prompt: 'What has happened in the programme since the last issue.' },
  { heading: 'News from the schemes', prompt: 'What the liaison and diversion schemes have done, with examples.' },
  { heading: 'What service users say', prompt: 'Feedback from people the service has supported, with permission.' },
  { heading: 'Going forward', prompt: 'What comes next, and dates readers should know.' },
];

/**
 * The default title for an issue of a month.
 * @example defaultTitle(new Date('2015-07-27')) // => 'Liaison and Diversion Bulletin: July 2015'
 */
export function defaultTitle(date: Date): string {
  return `Liaison and Diversion Bulletin: ${formatMonth(date)}`;
}

/** A YAML double-quoted string. */
const quoted = (text: string) => JSON.stringify(text);

/**
 * The text of a new issue: every field of the bulletin schema, filled in or commented out, each
 * with the schema's own description above it, then the usual sections. It starts as a draft.
 * @example bulletinTemplate({ date: new Date('2015-07-27'), title: 'Bulletin: July 2015' }) // => '---\n# …'
 */
export function bulletinTemplate({ date, title }: { date: Date; title: string }): string {
  const about = new Map(cachedFieldRows(bulletinSchema).map((row) => [row.name, row.description]));
  const described = (name: string) => `# ${about.get(name) ?? ''}`.trimEnd();
  const closes = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  const frontmatter = [
    '---',
    '# A new issue of the bulletin. Every field is described in docs/editors/frontmatter.md.',
    described('title'),
    `title: ${quoted(title)}`,
    described('date'),
    `date: ${isoDay(date)}`,
    described('summary'),
    `summary: ${quoted(SUMMARY_PLACEHOLDER)}`,
    `${described('topics')} Example: ["wave 2", "workforce"].`,
    'topics: []',
    `${described('draft')} Delete this line when the issue is ready to publish.`,
    'draft: true',
    `${described('callToAction')} To add one, delete the # and the space at the start of these lines.`,
    '# callToAction:',
    `#   ${described('callToAction.title')}`,
    '#   title: "Have your say on the bulletin"',
    `#   ${described('callToAction.text')}`,
    '#   text: "Tell us what you think in a short survey."',
    `#   ${described('callToAction.href')}`,
    '#   href: "https://…"',
    `#   ${described('callToAction.closes')}`,
    `#   closes: ${isoDay(closes)}`,
    '---',
  ];
  const sections = USUAL_SECTIONS.flatMap(({ heading, prompt }) => ['', `## ${heading}`, '', `<!-- ${prompt} -->`]);
  const picture = `${isoDay(date).slice(0, 7)}-your-picture.png`;
  // Where pictures go, in the one place the guide, the check and the build agree on (IMAGE_FILE).
  const pictures = [
    '',
    `<!-- A picture: save it beside this file, in the same folder, named for the issue (${picture}), and show it`,
    `     with a line like ![What the picture shows](./${picture}). Describe what it shows in the square brackets. -->`,
  ];
  return `${[...frontmatter, ...pictures, ...sections].join('\n')}\n`;
}
