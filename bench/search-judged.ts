/**
 * The judged set of search needs (bench/search-needs.yaml) and how a search's results are judged against it:
 * success@1, success@5 and mean reciprocal rank. Pure functions; bench/search-needs.ts runs the searches.
 */
import fs from 'node:fs';
import yaml from 'js-yaml';

export const NEEDS_FILE = 'bench/search-needs.yaml';
/**
 * The judged set: the first set, written by the team, and a second written later in a fresh voice by someone who
 * had written neither the first nor the search (issue 24's "needs that nobody on the team wrote").
 */
export const NEEDS_FILES = [NEEDS_FILE, 'bench/search-needs-second.yaml'];

/** One need: what a reader types, and the pages (`/path/` or `/path/#anchor`) that answer it, or none. */
export interface Need {
  /** The file the need is in (one of NEEDS_FILES). */
  file?: string;
  who: string;
  query: string;
  answers: string[] | 'none';
}

/** One result as the search page shows it: the path it links to and every anchor it links to. */
export interface ShownResult {
  path: string;
  anchors: string[];
}

/** What a search showed for a need. */
export interface Shown {
  results: ShownResult[];
  /** How many results hold every meaningful word of the query. */
  allWords: number;
}

const WHO = new Set([
  'commissioner',
  'police',
  'court',
  'service-user',
  'family',
  'journalist',
  'magistrate',
  'probation',
  'nurse',
  'carer',
]);

/** Reads and checks the judged set; throws a plain message naming the need that is wrong. */
export function readNeeds(file = NEEDS_FILE): Need[] {
  const needs = yaml.load(fs.readFileSync(file, 'utf8')) as Need[];
  if (!Array.isArray(needs)) throw new Error(`${file}: expected a list of needs`);
  needs.forEach((need, i) => {
    const where = `${file}, need ${i + 1} (${need?.query ?? 'no query'})`;
    if (typeof need?.query !== 'string' || !need.query.trim()) throw new Error(`${where}: needs a query`);
    if (!WHO.has(need.who)) throw new Error(`${where}: who must be one of ${[...WHO].join(', ')}`);
    const ok = need.answers === 'none' || (Array.isArray(need.answers) && need.answers.every((a) => /^\/\S*$/.test(a)));
    if (!ok) throw new Error(`${where}: answers must be "none" or a list of paths such as /specification/x/#clause-y`);
    need.file = file;
  });
  return needs;
}

/** Every need of the judged set (NEEDS_FILES), or of the files given. */
export function readJudgedSet(files: readonly string[] = NEEDS_FILES): Need[] {
  return files.flatMap((file) => readNeeds(file));
}

/**
 * The rank (1-based) of the first result answering the need, or 0 if none does. An answer with an anchor is met
 * by a result on that page linking to the anchor. A need with no answer is met (rank 1) when the search says no
 * page holds all of its words.
 */
export function rankOf(need: Need, shown: Shown): number {
  if (need.answers === 'none') return shown.allWords === 0 ? 1 : 0;
  const answers = need.answers.map((answer) => {
    const [path, anchor] = answer.split('#');
    return { path, anchor };
  });
  const index = shown.results.findIndex((result) =>
    answers.some((a) => a.path === result.path && (!a.anchor || result.anchors.includes(a.anchor))),
  );
  return index + 1;
}

/** success@1, success@5 and mean reciprocal rank of a list of ranks (0 = not found). */
export function scores(ranks: number[]): { success1: number; success5: number; mrr: number } {
  const share = (ok: (rank: number) => boolean) => ranks.filter(ok).length / (ranks.length || 1);
  return {
    success1: share((r) => r === 1),
    success5: share((r) => r >= 1 && r <= 5),
    mrr: ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0) / (ranks.length || 1),
  };
}

/** The success@5 recorded in bench/README.md (the line "Judged set: success@5 0.97, …"), which tests must not fall below. */
export function recordedSuccess5(readme = fs.readFileSync('bench/README.md', 'utf8')): number {
  const match = /Judged set recorded: success@5 (\d(?:\.\d+)?)/.exec(readme);
  if (!match) throw new Error('bench/README.md has no line "Judged set recorded: success@5 N"');
  return Number(match[1]);
}
