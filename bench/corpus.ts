import fs from 'node:fs';
import path from 'node:path';
import { createRandom, type Random } from './prng.ts';
import { countWords, heading, list, paragraph, paragraphOf, place, sentence, table, word } from './text.ts';

/** How big a synthetic corpus to make, and from which seed. */
export interface CorpusOptions {
  /** Number of bulletin issues. */
  bulletins: number;
  /** Number of specification sections, split between two versions. */
  sections: number;
  /** The same seed always gives byte-for-byte the same corpus. */
  seed: number;
}

export const DEFAULT_CORPUS: CorpusOptions = { bulletins: 1000, sections: 200, seed: 1 };

/** One file of the corpus, its path relative to the content root. */
export interface CorpusFile {
  path: string;
  content: string;
}

/** The number of programme pages: a site has a handful, whatever the size of the archive. */
export const PROGRAMME_PAGES = 10;

/** Word counts a bulletin body falls between. */
export const BULLETIN_WORDS = { min: 800, max: 1200 } as const;

/** The specification versions, newest first: the newer holds half the sections (rounded up). */
export const VERSIONS = ['2019', '2014'] as const;

/** A file in the corpus root that marks a folder as a generated corpus, safe to replace. */
export const MARKER = '.synthetic-corpus.json';

// The newest synthetic issue is fixed, so a corpus does not change with the day it is made and
// never holds an issue dated after the build. Issues follow the programme's cadence: every two
// months after May 2015, monthly up to it.
const NEWEST = { year: 2025, month: 9 };
const CADENCE_CHANGE = { year: 2015, month: 5 };

/** A year and month of an issue. */
export interface IssueMonth {
  year: number;
  month: number;
}

const monthIndex = (m: IssueMonth) => m.year * 12 + (m.month - 1);
const fromIndex = (i: number): IssueMonth => ({ year: Math.floor(i / 12), month: (i % 12) + 1 });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const monthName = (m: number) =>
  new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });

/**
 * The months of `count` issues, newest first: every two months back to May 2015, then monthly.
 * @example issueMonths(2) // => [{ year: 2025, month: 9 }, { year: 2025, month: 7 }]
 */
export function issueMonths(count: number): IssueMonth[] {
  const months: IssueMonth[] = [];
  let index = monthIndex(NEWEST);
  while (months.length < count) {
    months.push(fromIndex(index));
    index -= index > monthIndex(CADENCE_CHANGE) ? 2 : 1;
  }
  return months;
}

/** The issue after the newest one, for measuring a rebuild after one new bulletin. */
export function nextIssueMonth(): IssueMonth {
  return fromIndex(monthIndex(NEWEST) + 2);
}

// Every file gets its own generator, so a file's text depends only on the seed and the file,
// not on how many others there are: a 1,000-issue corpus is the newest part of a 10,000 one.
function randomFor(seed: number, kind: number, index: number): Random {
  return createRandom(Math.imul(seed, 0x9e3779b1) ^ Math.imul(kind + 1, 0x85ebca77) ^ Math.imul(index + 1, 0xc2b2ae3d));
}

const quote = (text: string) => JSON.stringify(text);
const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const SYNTHETIC_NOTE = (what: string, seed: number) =>
  `This is a synthetic ${what} made by the benchmark generator (seed ${seed}). It is not real and describes no real service.`;

const TOPICS = ['workforce', 'data', 'courts', 'police custody', 'youth', 'commissioning', 'training', 'wave 2'];

/** A clause of the current specification version a bulletin can link to. */
interface ClauseLink {
  href: string;
  text: string;
}

interface SectionPlan {
  number: number;
  slug: string;
  title: string;
  clauses: string[];
}

function planSections(options: CorpusOptions): SectionPlan[] {
  const count = Math.ceil(options.sections / 2);
  return Array.from({ length: count }, (_, i) => {
    const random = randomFor(options.seed, 1, i);
    const title = `Synthetic section ${i + 1}: ${heading(random).toLowerCase()}`.slice(0, 120);
    const clauses = Array.from({ length: random.int(3, 8) }, () => heading(random));
    return { number: i + 1, slug: `synthetic-${i + 1}-${slugify(heading(random))}`, title, clauses };
  });
}

function bulletinFile(options: CorpusOptions, months: IssueMonth[], index: number, clauses: ClauseLink[]): CorpusFile {
  const random = randomFor(options.seed, 0, monthIndex(months[index]));
  const { year, month } = months[index];
  // Four-digit years: a 20,000-issue corpus reaches back before the year 1000, and a date is YYYY-MM-DD.
  const id = `${pad(year, 4)}-${pad(month)}`;
  const day = random.int(1, 28);
  const name = `${monthName(month)} ${year}`;

  // The closing links are written first so their words count towards the target length.
  const older = months.slice(index + 1, index + 25);
  const related = random.sample(older, random.int(1, 3)).map((m) => `${pad(m.year, 4)}-${pad(m.month)}`);
  const relatedLines = related.map(
    (rid) =>
      `- [Synthetic bulletin: ${monthName(Number(rid.slice(5)))} ${Number(rid.slice(0, 4))}](/bulletins/${rid}/)`,
  );
  if (clauses.length > 0) {
    const clause = random.pick(clauses);
    relatedLines.push(`- [${clause.text}](${clause.href})`);
  }
  const closing = relatedLines.length > 0 ? [`## Related pages`, relatedLines.join('\n')] : [];

  const blocks: string[] = [SYNTHETIC_NOTE('bulletin', options.seed)];
  const target = random.int(BULLETIN_WORDS.min + 20, BULLETIN_WORDS.max - 60);
  let total = countWords(blocks.join('\n\n')) + countWords(closing.join('\n\n'));
  const add = (block: string) => {
    blocks.push(block);
    total += countWords(block);
  };
  // Every issue has a list and a table near the top, then sections of prose until it is long enough.
  add(`## ${heading(random)}`);
  add(paragraph(random));
  add(list(random));
  add(`## ${heading(random)}`);
  add(paragraph(random));
  add(table(random));
  while (total < target - 150) {
    add(`## ${heading(random)}`);
    add(paragraph(random));
    const roll = random.next();
    if (roll < 0.25) add(list(random, random.chance(0.4)));
    else if (roll < 0.35) add(table(random));
    else if (roll < 0.5) add(`### ${heading(random)}`);
    if (total < target - 150) add(paragraph(random));
  }
  add(paragraphOf(random, Math.max(target - total, 8)));
  blocks.push(...closing);

  const topics = random.sample(TOPICS, random.int(1, 3));
  const frontmatter = [
    `title: ${quote(`Synthetic bulletin: ${name}`)}`,
    `date: ${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    `summary: ${quote(`Synthetic issue for benchmarks. ${sentence(random, random.int(12, 30))}`)}`,
    `topics: [${topics.map(quote).join(', ')}]`,
  ];
  if (random.chance(0.05)) {
    frontmatter.push(
      'callToAction:',
      `  title: ${quote('Have your say on this synthetic issue')}`,
      `  text: ${quote(sentence(random))}`,
      `  closes: ${pad(year, 4)}-${pad(month)}-28`,
    );
  }
  return { path: `bulletins/${id}.md`, content: `---\n${frontmatter.join('\n')}\n---\n\n${blocks.join('\n\n')}\n` };
}

function sectionBody(random: Random, plan: SectionPlan, seed: number): string {
  const blocks = [SYNTHETIC_NOTE('specification section', seed)];
  plan.clauses.forEach((clause, i) => {
    blocks.push(`## ${plan.number}.${i + 1} ${clause}`, paragraph(random));
    if (random.chance(0.3)) blocks.push(list(random, random.chance(0.5)));
    if (random.chance(0.2)) blocks.push(`### ${plan.number}.${i + 1}.1 ${heading(random)}`, paragraph(random));
  });
  return blocks.join('\n\n');
}

// An older version of a section: the same clauses with some rewritten and the last sometimes
// missing, so version comparisons have real changes to show.
function olderBody(random: Random, current: string): string {
  const blocks = current.split('\n\n');
  const lastClause = blocks.findLastIndex((b) => b.startsWith('## '));
  const kept = random.chance(0.2) && lastClause > 1 ? blocks.slice(0, lastClause) : blocks;
  return kept
    .map((block, i) => (i > 0 && !/^(#|-|\d+\.)/.test(block) && random.chance(0.25) ? paragraph(random) : block))
    .join('\n\n');
}

function sectionFiles(options: CorpusOptions, plans: SectionPlan[]): CorpusFile[] {
  const files: CorpusFile[] = [];
  const olderCount = Math.floor(options.sections / 2);
  const width = String(plans.length).length < 2 ? 2 : String(plans.length).length;
  plans.forEach((plan, i) => {
    const random = randomFor(options.seed, 2, i);
    const body = sectionBody(random, plan, options.seed);
    const summary = `What synthetic section ${plan.number} covers: ${sentence(random, random.int(8, 20))}`;
    const versions = i < olderCount ? VERSIONS : VERSIONS.slice(0, 1);
    for (const version of versions) {
      const text = version === VERSIONS[0] ? body : olderBody(randomFor(options.seed, 3, i), body);
      const frontmatter = [
        `section: ${plan.number}`,
        `title: ${quote(plan.title)}`,
        `summary: ${quote(summary.slice(0, 300))}`,
        `version: "${version}"`,
        'sources:',
        `  - title: ${quote(`Synthetic source for section ${plan.number}`)}`,
        `    url: "https://example.invalid/synthetic/specification/${plan.number}"`,
      ];
      files.push({
        path: `specification/${version}/${pad(plan.number, width)}-${plan.slug}.md`,
        content: `---\n${frontmatter.join('\n')}\n---\n\n${text}\n`,
      });
    }
  });
  return files;
}

const TABLES = new Map([
  [3, 'timeline'],
  [4, 'waves'],
  [5, 'glossary'],
]);

function programmeFiles(options: CorpusOptions): CorpusFile[] {
  return Array.from({ length: PROGRAMME_PAGES }, (_, i) => {
    const random = randomFor(options.seed, 4, i);
    const order = i + 1;
    const historical = order > PROGRAMME_PAGES - 2;
    const blocks = [SYNTHETIC_NOTE('programme page', options.seed)];
    for (let s = 0; s < random.int(3, 5); s += 1) {
      blocks.push(`## ${heading(random)}`, paragraph(random), paragraph(random));
      if (random.chance(0.4)) blocks.push(list(random));
    }
    const frontmatter = [
      `title: ${quote(`Synthetic programme page ${order}`)}`,
      `summary: ${quote(`A synthetic programme page for benchmarks. ${sentence(random, 12)}`)}`,
      `order: ${order}`,
      'lastReviewed: 2025-01-15',
      'reviewBy: 2099-01-15',
      `owner: ${quote('Synthetic benchmark team')}`,
      `status: ${historical ? 'historical' : 'current'}`,
      ...(historical ? ['describes: 2012-04-01'] : []),
      ...(TABLES.has(order) ? [`table: ${TABLES.get(order)}`] : []),
      'sources:',
      `  - title: ${quote(`Synthetic source for programme page ${order}`)}`,
      `    url: "https://example.invalid/synthetic/programme/${order}"`,
    ];
    return {
      path: `programme/synthetic-page-${pad(order)}.md`,
      content: `---\n${frontmatter.join('\n')}\n---\n\n${blocks.join('\n\n')}\n`,
    };
  });
}

function dataFiles(options: CorpusOptions): CorpusFile[] {
  const random = randomFor(options.seed, 5, 0);
  const header = `# ${SYNTHETIC_NOTE('data file', options.seed)}\n`;
  const sources = Array.from({ length: 20 }, (_, i) =>
    [
      `- id: "${i + 1}"`,
      `  title: ${quote(`Synthetic source ${i + 1}: ${heading(random).toLowerCase()}`)}`,
      `  publisher: ${quote(`${place(random)} synthetic publisher`)}`,
      `  url: "https://example.invalid/synthetic/source/${i + 1}"`,
    ].join('\n'),
  );
  const timeline = Array.from({ length: 24 }, (_, i) => {
    const year = 1990 + i;
    const month = random.int(1, 12);
    return [
      `- id: "synthetic-event-${i + 1}"`,
      `  date: ${quote(`${monthName(month)} ${year}`)}`,
      `  sortDate: ${year}-${pad(month)}-01`,
      `  event: ${quote(`Synthetic event: ${sentence(random)}`)}`,
      `  uncertain: ${random.chance(0.1)}`,
      `  sources: [${random.int(1, 20)}]`,
    ].join('\n');
  });
  const waves = Array.from({ length: 30 }, (_, i) =>
    [
      `- id: "synthetic-scheme-${i + 1}"`,
      `  scheme: ${quote(`${place(random)} (synthetic ${i + 1})`)}`,
      `  wave: ${i < 10 ? 1 : 2}`,
      `  live: ${quote(i < 10 ? 'April 2014' : 'April 2015')}`,
      `  uncertain: ${random.chance(0.1)}`,
    ].join('\n'),
  );
  const glossary = Array.from({ length: 40 }, (_, i) =>
    [
      `- id: "synthetic-term-${pad(i + 1)}"`,
      `  term: ${quote(`Synthetic term ${pad(i + 1)} (${word(random)})`)}`,
      `  definition: ${quote(sentence(random))}`,
    ].join('\n'),
  );
  const versions = VERSIONS.map((id, i) =>
    [
      `- id: "${id}"`,
      `  title: ${quote(`Synthetic service specification ${id}`)}`,
      `  published: ${id}-04-01`,
      `  status: ${i === 0 ? 'current' : 'superseded'}`,
      `  note: ${quote('A synthetic version made for benchmarks.')}`,
    ].join('\n'),
  );
  // Two synthetic entries, so the search page's synonyms are measured with a file to read.
  const synonyms = ['one', 'two'].map((n) =>
    [`- id: "synthetic-${n}"`, `  typed: [${quote(`synthetic ${n}`)}]`, `  searchFor: [${quote(word(random))}]`].join(
      '\n',
    ),
  );
  const file = (name: string, items: string[]) => ({ path: `data/${name}`, content: `${header}${items.join('\n')}\n` });
  return [
    file('sources.yaml', sources),
    file('timeline.yaml', timeline),
    file('waves.yaml', waves),
    file('glossary.yaml', glossary),
    file('specification-versions.yaml', versions),
    file('synonyms.yaml', synonyms),
  ];
}

/**
 * Every file of a synthetic corpus: bulletins, specification sections in two versions, programme pages
 * and the data files, each saying it is synthetic. Deterministic: the same options give the same files.
 * @example generateCorpus({ bulletins: 2, sections: 2, seed: 1 }).map((f) => f.path)
 * // => ['bulletins/2025-09.md', 'bulletins/2025-07.md', 'specification/2019/01-synthetic-1-….md', …]
 */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const plans = planSections(options);
  const clauses: ClauseLink[] = plans.flatMap((plan) =>
    plan.clauses.map((clause, i) => ({
      href: `/specification/${plan.slug}/#clause-${plan.number}-${i + 1}`,
      text: `Specification clause ${plan.number}.${i + 1}: ${clause.toLowerCase()}`,
    })),
  );
  const months = issueMonths(options.bulletins);
  const readme = {
    path: 'README.md',
    content: `# Synthetic corpus\n\n${SYNTHETIC_NOTE('corpus', options.seed)} Made by \`npm run bench -- --corpus-only\` with ${options.bulletins} bulletins and ${options.sections} specification sections.\n`,
  };
  return [
    ...months.map((_, i) => bulletinFile(options, months, i, clauses)),
    ...sectionFiles(options, plans),
    ...programmeFiles(options),
    ...dataFiles(options),
    readme,
  ];
}

/** The bulletin that follows the newest one of a corpus, for a rebuild after adding one issue. */
export function nextBulletin(options: CorpusOptions): CorpusFile {
  const months = [nextIssueMonth(), ...issueMonths(options.bulletins)];
  return bulletinFile(options, months, 0, []);
}

/** Whether `dir` holds exactly this corpus already, byte for byte. */
function holds(dir: string, files: CorpusFile[], marker: string): boolean {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
  if (read(path.join(dir, MARKER)) !== marker) return false;
  const written = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return written.length === files.length + 1 && files.every((file) => read(path.join(dir, file.path)) === file.content);
}

/**
 * Writes a corpus to `dir`, replacing a corpus made earlier, and leaves a folder that holds the same
 * corpus already as it is: deleting 10,000 files just before a timed build would leave it 10,000
 * recently deleted inodes to scan past (bench/set-aside.ts). It refuses a folder that holds anything
 * else (such as the real `content/`), and writes to a temporary folder first so a failure leaves
 * nothing half-written.
 */
export function writeCorpus(dir: string, files: CorpusFile[], options: CorpusOptions): void {
  const target = path.resolve(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0 && !fs.existsSync(path.join(target, MARKER))) {
    throw new Error(
      `${target} already holds files that the benchmark did not make. ` +
        'The corpus is written only to an empty folder or over an earlier corpus: choose another folder with --out.',
    );
  }
  const marker = `${JSON.stringify({ ...options, files: files.length }, null, 2)}\n`;
  if (holds(target, files, marker)) return;
  const temp = `${target}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  try {
    for (const file of files) {
      const full = path.join(temp, file.path);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, file.content);
    }
    fs.writeFileSync(path.join(temp, MARKER), marker);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
