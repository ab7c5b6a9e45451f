import yaml from 'js-yaml';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulletinSchema } from '../src/schemas/bulletin.ts';
import { glossarySchema, sourceListSchema, timelineSchema, waveSchema } from '../src/schemas/data.ts';
import { programmeSchema } from '../src/schemas/programme.ts';
import { specificationSchema } from '../src/schemas/specification.ts';
import { specificationVersionSchema } from '../src/schemas/specification-version.ts';
import { synonymSchema } from '../src/schemas/synonyms.ts';
import { createRandom } from './prng.ts';
import {
  BULLETIN_WORDS,
  generateCorpus,
  issueMonths,
  MARKER,
  nextBulletin,
  PROGRAMME_PAGES,
  VERSIONS,
  writeCorpus,
  type CorpusFile,
} from './corpus.ts';
import { countWords } from './text.ts';

// Small enough to generate quickly, big enough to cross the change from monthly to two-monthly issues.
const OPTIONS = { bulletins: 90, sections: 9, seed: 7 };
const corpus = generateCorpus(OPTIONS);
const under = (folder: string) => corpus.filter((f) => f.path.startsWith(`${folder}/`));

/** Frontmatter and body, split the way Astro's Markdown loader splits them (js-yaml). */
function split(file: CorpusFile): { data: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.content);
  if (!match) throw new Error(`${file.path} has no frontmatter`);
  return { data: yaml.load(match[1]), body: match[2] };
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((n) => n >= 0 && n < 1)).toBe(true);
  });
});

describe('generateCorpus', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    expect(generateCorpus(OPTIONS)).toEqual(corpus);
    const other = generateCorpus({ ...OPTIONS, seed: 8 });
    expect(other).toHaveLength(corpus.length);
    const bulletins = (files: CorpusFile[]) => files.filter((f) => f.path.startsWith('bulletins/'));
    expect(bulletins(other).map((f) => f.path)).toEqual(bulletins(corpus).map((f) => f.path));
    expect(bulletins(other).map((f) => f.content)).not.toEqual(bulletins(corpus).map((f) => f.content));
  });

  it('makes the numbers of files asked for', () => {
    expect(under('bulletins')).toHaveLength(90);
    expect(under('specification')).toHaveLength(9);
    expect(under(`specification/${VERSIONS[0]}`)).toHaveLength(5);
    expect(under(`specification/${VERSIONS[1]}`)).toHaveLength(4);
    expect(under('programme')).toHaveLength(PROGRAMME_PAGES);
    expect(under('data').map((f) => f.path)).toEqual([
      'data/sources.yaml',
      'data/timeline.yaml',
      'data/waves.yaml',
      'data/glossary.yaml',
      'data/specification-versions.yaml',
      'data/synonyms.yaml',
    ]);
    expect(generateCorpus({ bulletins: 0, sections: 0, seed: 1 }).filter((f) => f.path.endsWith('.md'))).toHaveLength(
      PROGRAMME_PAGES + 1,
    );
  });

  it('keeps a file the same whatever the size of the corpus', () => {
    const bigger = generateCorpus({ ...OPTIONS, bulletins: 120 });
    const newest = under('bulletins')[5];
    expect(bigger.find((f) => f.path === newest.path)).toEqual(newest);
  });

  it('writes bulletins of 800 to 1,200 words with headings, a list, a table and links', () => {
    for (const file of under('bulletins')) {
      const { body } = split(file);
      const words = countWords(body);
      expect(words, file.path).toBeGreaterThanOrEqual(BULLETIN_WORDS.min);
      expect(words, file.path).toBeLessThanOrEqual(BULLETIN_WORDS.max);
      expect(body).toMatch(/^## /m);
      expect(body).toMatch(/^- /m);
      expect(body).toMatch(/^\| --- \|/m);
      expect(body).toMatch(/\]\(\/(bulletins|specification)\//);
    }
  });

  it('gives every bulletin frontmatter the strict schema accepts, dated as its file name says', () => {
    const dates = new Set<string>();
    for (const file of under('bulletins')) {
      const data = bulletinSchema.parse(split(file).data);
      const day = data.date.toISOString().slice(0, 10);
      expect(file.path).toBe(`bulletins/${day.slice(0, 7)}.md`);
      expect(dates.has(day)).toBe(false);
      dates.add(day);
    }
  });

  it('follows the cadence: two-monthly after May 2015, monthly up to it', () => {
    const months = issueMonths(70).map((m) => `${m.year}-${String(m.month).padStart(2, '0')}`);
    expect(months.slice(0, 2)).toEqual(['2025-09', '2025-07']);
    const may2015 = months.indexOf('2015-05');
    expect(months[may2015 - 1]).toBe('2015-07');
    expect(months.slice(may2015, may2015 + 3)).toEqual(['2015-05', '2015-04', '2015-03']);
  });

  it('links only to bulletins and clauses that exist', () => {
    const ids = new Set(under('bulletins').map((f) => f.path.slice('bulletins/'.length, -'.md'.length)));
    const clauses = new Set(
      under(`specification/${VERSIONS[0]}`).flatMap((f) => {
        const slug = f.path.replace(/^.*\/\d+-/, '').replace(/\.md$/, '');
        return [...f.content.matchAll(/^## (\d+)\.(\d+) /gm)].map(
          (m) => `/specification/${slug}/#clause-${m[1]}-${m[2]}`,
        );
      }),
    );
    for (const file of under('bulletins')) {
      for (const [, href] of file.content.matchAll(/\]\(([^)]+)\)/g)) {
        if (href.startsWith('/bulletins/')) expect(ids.has(href.slice(11, -1)), `${file.path} → ${href}`).toBe(true);
        else expect(clauses.has(href), `${file.path} → ${href}`).toBe(true);
      }
    }
  });

  it('gives specification sections and programme pages valid frontmatter and numbered clauses', () => {
    for (const file of under('specification')) {
      const data = specificationSchema.parse(split(file).data);
      expect(file.path.startsWith(`specification/${data.version}/`)).toBe(true);
      expect(split(file).body).toMatch(new RegExp(`^## ${data.section}\\.1 `, 'm'));
    }
    for (const file of under('programme')) programmeSchema.parse(split(file).data);
  });

  it('gives every data file items its schema accepts, with unique ids', () => {
    const schemas = {
      'data/sources.yaml': sourceListSchema,
      'data/timeline.yaml': timelineSchema,
      'data/waves.yaml': waveSchema,
      'data/glossary.yaml': glossarySchema,
      'data/specification-versions.yaml': specificationVersionSchema,
      'data/synonyms.yaml': synonymSchema,
    };
    for (const [file, schema] of Object.entries(schemas)) {
      const items = yaml.load(corpus.find((f) => f.path === file)!.content) as unknown[];
      expect(items.length).toBeGreaterThan(0);
      const ids = items.map((item) => schema.parse(item).id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('says on every page and data file that it is synthetic', () => {
    for (const file of corpus) expect(file.content, file.path).toMatch(/synthetic/i);
  });
});

describe('nextBulletin', () => {
  it('is a valid issue newer than every issue of the corpus', () => {
    const next = nextBulletin(OPTIONS);
    expect(next.path).toBe('bulletins/2025-11.md');
    expect(corpus.some((f) => f.path === next.path)).toBe(false);
    bulletinSchema.parse(split(next).data);
  });
});

describe('writeCorpus', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-test-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const small = { bulletins: 2, sections: 2, seed: 1 };

  it('writes every file and a marker, and replaces a corpus written earlier', () => {
    const out = path.join(tempDir(), 'corpus');
    writeCorpus(out, generateCorpus({ ...small, bulletins: 3 }), small);
    writeCorpus(out, generateCorpus(small), small);
    expect(fs.existsSync(path.join(out, MARKER))).toBe(true);
    expect(fs.readdirSync(path.join(out, 'bulletins')).sort()).toEqual(['2025-07.md', '2025-09.md']);
  });

  it('leaves a folder holding the same corpus as it is, and rewrites one that differs', () => {
    const out = path.join(tempDir(), 'corpus');
    writeCorpus(out, generateCorpus(small), small);
    const issue = path.join(out, 'bulletins/2025-09.md');
    const { ino } = fs.statSync(issue);
    writeCorpus(out, generateCorpus(small), small);
    expect(fs.statSync(issue).ino).toBe(ino);
    fs.appendFileSync(issue, 'edited');
    writeCorpus(out, generateCorpus(small), small);
    expect(fs.readFileSync(issue, 'utf8')).not.toContain('edited');
  });

  it('refuses a folder holding files it did not write, and leaves them alone', () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'notes.md'), 'mine');
    expect(() => writeCorpus(out, generateCorpus(small), small)).toThrow(/did not make.*--out/);
    expect(fs.readdirSync(out)).toEqual(['notes.md']);
  });
});

describe('countWords', () => {
  it('counts words a reader sees, not Markdown syntax or link targets', () => {
    expect(countWords('## A title\n\n- One [two](/x/) three\n\n| a | b |\n| --- | --- |\n| c | d |')).toBe(9);
  });
});
