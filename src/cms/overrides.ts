/**
 * What the zod schemas cannot say about the CMS's forms: labels, widgets, where files go and how they
 * are named. Everything else (which fields exist, required or not, hints, limits, options) comes from
 * src/schemas/ through kinds.ts and fields.ts; a unit test fails if the two disagree.
 */

/** Images uploaded in the CMS, relative to the content folder: the one place issues keep images. */
export const IMAGE_FOLDER = 'bulletins/images';

/** Per field name: its label, and a widget other than the one its kind gives. */
export interface FieldOverride {
  label?: string;
  widget?: 'text';
}

/**
 * Labels and widgets by field name, shared by every collection (a field means the same everywhere);
 * a dotted name (`callToAction.title`) is for a field inside another, and wins over the plain name.
 */
export const fieldOverrides: Record<string, FieldOverride> = {
  'callToAction.title': { label: 'Heading of the callout' },
  'callToAction.text': { label: 'What readers are asked to do', widget: 'text' },
  'sources.title': { label: 'Title of the source' },
  title: { label: 'Title' },
  date: { label: 'Date of the issue' },
  summary: { label: 'Summary', widget: 'text' },
  topics: { label: 'Topics' },
  draft: { label: 'Draft (keep out of the published site)' },
  callToAction: { label: 'Call to action' },
  text: { label: 'Text', widget: 'text' },
  href: { label: 'Link' },
  closes: { label: 'Closing date' },
  order: { label: 'Position in the navigation' },
  lastReviewed: { label: 'Last reviewed' },
  reviewBy: { label: 'Review by' },
  owner: { label: 'Owner (team)' },
  status: { label: 'Status' },
  describes: { label: 'Date the page describes (historical pages)' },
  table: { label: 'Data table after the text' },
  sources: { label: 'Sources' },
  url: { label: 'Web address' },
  section: { label: 'Section number' },
  version: { label: 'Version' },
  id: { label: 'Id' },
  sortDate: { label: 'Date to sort by' },
  event: { label: 'What happened', widget: 'text' },
  uncertain: { label: 'Uncertain' },
  scheme: { label: 'Scheme' },
  wave: { label: 'Wave' },
  live: { label: 'Went live' },
  note: { label: 'Note', widget: 'text' },
  term: { label: 'Term' },
  definition: { label: 'Definition', widget: 'text' },
  publisher: { label: 'Publisher' },
};

/** The Markdown collections' forms: labels and file naming. */
export const contentCollectionOverrides = {
  bulletins: {
    label: 'Bulletin issues',
    label_singular: 'bulletin issue',
    description: 'One issue of the programme bulletin. The file is named after the month of its date.',
    create: true,
    // The file name is the month, from its date: bulletins/2015-07.md.
    slug: "{{fields.date | date('YYYY-MM')}}",
    summary: '{{title}} ({{date}})',
    sortable_fields: ['date', 'title'],
    // Rich text for writers, with the Markdown view one click away.
    bodyModes: ['rich_text', 'raw'],
  },
  programme: {
    label: 'Programme pages',
    label_singular: 'programme page',
    description: 'Pages about the programme. Check the review date and owner when you change one.',
    create: true,
    slug: '{{slug}}',
    summary: '{{title}} (review by {{reviewBy}})',
    sortable_fields: ['order', 'title', 'reviewBy'],
    bodyModes: ['rich_text', 'raw'],
  },
  specification: {
    label: 'Specification',
    label_singular: 'specification section',
    // A new version (a folder, an entry in specification-versions.yaml, redirects) is a developer's job.
    description:
      'Sections of the service specification, one list per version. Starting a new version is a job for the developers.',
    create: false,
    slug: '{{slug}}',
    summary: '{{section}}. {{title}}',
    sortable_fields: ['section', 'title'],
    // Clause headings carry anchors such as {#clause-screening}; the Markdown view keeps them as written.
    bodyModes: ['raw'],
  },
} as const;

/** The data files editors may change, each a YAML list. Specification versions stay with developers. */
export const dataFileOverrides = {
  timeline: { label: 'Timeline', itemLabel: 'event', summary: '{{fields.date}}: {{fields.event}}' },
  waves: { label: 'Trial schemes (waves)', itemLabel: 'scheme', summary: '{{fields.scheme}} (wave {{fields.wave}})' },
  glossary: { label: 'Glossary', itemLabel: 'term', summary: '{{fields.term}}' },
  sources: { label: 'Sources', itemLabel: 'source', summary: '{{fields.id}}. {{fields.title}}' },
  synonyms: { label: 'Search synonyms', itemLabel: 'synonym', summary: '{{fields.id}}' },
} as const;
