import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { diffArrays, diffWordsWithSpace, wordsWithSpaceDiff, type ChangeObject } from 'diff';
import type { ClauseBlock } from './clause-model.ts';
import { lcsLength } from './lcs.ts';

/** One run of a word-level comparison: kept, deleted or inserted. */
export interface RedlinePart {
  type: 'same' | 'deleted' | 'inserted';
  text: string;
}

/**
 * Below this share of shared words, two paragraphs are shown as one deleted and one inserted
 * rather than interleaved: a redline of two unrelated sentences is harder to read than either.
 */
export const PAIRING_THRESHOLD = 0.2;

const partOf = (change: ChangeObject<string>): RedlinePart => ({
  type: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
  text: change.value,
});

/** Joins neighbouring runs of one type, and puts each deletion before the insertion that replaces it. */
function tidy(parts: RedlinePart[]): RedlinePart[] {
  const out: RedlinePart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ type: 'deleted', text: deleted });
    if (inserted) out.push({ type: 'inserted', text: inserted });
    deleted = inserted = '';
  };
  for (const part of parts) {
    if (part.type === 'deleted') deleted += part.text;
    else if (part.type === 'inserted') inserted += part.text;
    else if (part.text) {
      flush();
      const last = out.at(-1);
      if (last?.type === 'same') last.text += part.text;
      else out.push({ ...part });
    }
  }
  flush();
  return out;
}

/**
 * Folds a kept run into the edits around it when it is no longer than the edits on either side
 * (the rule of diff-match-patch's semantic clean-up), so "the" or "of" kept between two rewritten
 * phrases does not split them into fragments.
 */
function absorbShortRuns(parts: RedlinePart[]): RedlinePart[] {
  let current = tidy(parts);
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < current.length; i++) {
      if (current[i].type !== 'same') continue;
      const edits = (from: number, step: number) => {
        let deleted = 0;
        let inserted = 0;
        for (let j = from; j >= 0 && j < current.length && current[j].type !== 'same'; j += step) {
          if (current[j].type === 'deleted') deleted += current[j].text.length;
          else inserted += current[j].text.length;
        }
        return Math.max(deleted, inserted);
      };
      const before = edits(i - 1, -1);
      const after = edits(i + 1, 1);
      const length = current[i].text.trim().length;
      if (before > 0 && after > 0 && length <= before && length <= after) {
        const text = current[i].text;
        current = tidy([
          ...current.slice(0, i),
          { type: 'deleted', text },
          { type: 'inserted', text },
          ...current.slice(i + 1),
        ]);
        changed = true;
        break;
      }
    }
  }
  return current;
}

/**
 * A word-level comparison of two texts, cleaned up for reading.
 * @example diffText('The team screens people.', 'The team screens everyone.')
 * // => [{ type: 'same', text: 'The team screens ' }, { type: 'deleted', text: 'people' }, { type: 'inserted', text: 'everyone' }, { type: 'same', text: '.' }]
 */
export function diffText(before: string, after: string): RedlinePart[] {
  return absorbShortRuns(diffWordsWithSpace(before, after).map(partOf));
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The share of the longer text's words that a word-level comparison keeps. */
function keptShare(changes: ChangeObject<string>[], before: string, after: string): number {
  const kept = changes
    .filter((change) => !change.added && !change.removed)
    .reduce((sum, change) => sum + words(change.value).length, 0);
  return kept / Math.max(words(before).length, words(after).length, 1);
}

/**
 * The share of two texts' words that a word-level comparison keeps, from 0 to 1.
 * @example similarity('a b c d', 'a b c e') // => 0.75
 */
export function similarity(before: string, after: string): number {
  return keptShare(diffWordsWithSpace(before, after), before, after);
}

/**
 * At least `similarity(before, after)`, counted without a full comparison: each word a comparison keeps
 * holds at least one of jsdiff's own tokens, in the same order in both texts, so no more words are kept
 * than the longest common subsequence of their tokens. Pairs of unrelated paragraphs are ruled out by
 * this alone, far faster than jsdiff compares them (bench/README.md, "Figures behind the code").
 */
export function similarityBound(before: string, after: string): number {
  const tokens = (text: string) => wordsWithSpaceDiff.tokenize(text).filter((token) => token.trim() !== '');
  return lcsLength(tokens(before), tokens(after)) / Math.max(words(before).length, words(after).length, 1);
}

/** One block of a redline: kept whole, deleted whole, inserted whole, or changed word by word. */
export type RedlineBlock =
  | { type: 'same' | 'deleted' | 'inserted'; block: ClauseBlock }
  | { type: 'changed'; block: ClauseBlock; parts: RedlinePart[] };

const sameBlock = (a: ClauseBlock, b: ClauseBlock) => a.kind === b.kind && a.list === b.list && a.text === b.text;

/**
 * Compares two clauses block by block: unchanged paragraphs and list items stay whole; a changed one
 * is compared word by word with the most similar block of the same kind it replaces.
 * @example redlineBlocks([{ kind: 'p', text: 'Old words.' }], [{ kind: 'p', text: 'New words.' }])
 * // => [{ type: 'changed', block: { kind: 'p', text: 'New words.' }, parts: [ … ] }]
 */
export function redlineBlocks(before: readonly ClauseBlock[], after: readonly ClauseBlock[]): RedlineBlock[] {
  const out: RedlineBlock[] = [];
  const changes = diffArrays([...before], [...after], { comparator: sameBlock });
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (!change.added && !change.removed) {
      out.push(...change.value.map((block) => ({ type: 'same' as const, block })));
      continue;
    }
    // jsdiff gives a replaced run as a removal followed by an addition.
    const removed = change.removed ? change.value : [];
    const next = changes[i + 1];
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) i++;
    out.push(...pairBlocks(removed, added));
  }
  return out;
}

/**
 * The word-level comparison of two blocks, if they are similar enough to show as one changed block;
 * the comparison is then reused for the redline rather than made twice.
 */
function pairedChanges(old: ClauseBlock, candidate: ClauseBlock): ChangeObject<string>[] | undefined {
  if (candidate.kind !== old.kind || candidate.list !== old.list) return undefined;
  if (similarityBound(old.text, candidate.text) < PAIRING_THRESHOLD) return undefined;
  const changes = diffWordsWithSpace(old.text, candidate.text);
  return keptShare(changes, old.text, candidate.text) >= PAIRING_THRESHOLD ? changes : undefined;
}

/** Pairs each removed block with the first similar enough added block of its kind, keeping both orders. */
function pairBlocks(removed: readonly ClauseBlock[], added: readonly ClauseBlock[]): RedlineBlock[] {
  const out: RedlineBlock[] = [];
  let next = 0;
  for (const old of removed) {
    let match = -1;
    let changes: ChangeObject<string>[] | undefined;
    for (let j = next; j < added.length && !changes; j++) {
      changes = pairedChanges(old, added[j]);
      if (changes) match = j;
    }
    if (!changes) {
      out.push({ type: 'deleted', block: old });
      continue;
    }
    for (; next < match; next++) out.push({ type: 'inserted', block: added[next] });
    out.push({ type: 'changed', block: added[match], parts: absorbShortRuns(changes.map(partOf)) });
    next = match + 1;
  }
  for (; next < added.length; next++) out.push({ type: 'inserted', block: added[next] });
  return out;
}

// Said by screen readers, but not indexed: in a search result's excerpt "[start of deletion]" is noise.
const hidden = (text: string): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: ['nhsuk-u-visually-hidden'], dataPagefindIgnore: '' },
  children: [{ type: 'text', value: text }],
});

/**
 * An edit as `<del>` or `<ins>`, with words a screen reader says at its start and end:
 * most screen readers do not announce the elements themselves.
 */
function edit(type: 'deleted' | 'inserted', text: string): Element {
  const noun = type === 'deleted' ? 'deletion' : 'insertion';
  return {
    type: 'element',
    tagName: type === 'deleted' ? 'del' : 'ins',
    properties: { className: [`app-redline__${type}`] },
    children: [hidden(`[start of ${noun}] `), { type: 'text', value: text }, hidden(` [end of ${noun}]`)],
  };
}

function inline(parts: readonly RedlinePart[]): ElementContent[] {
  return parts.map((part) => (part.type === 'same' ? { type: 'text', value: part.text } : edit(part.type, part.text)));
}

function contentOf(block: RedlineBlock): ElementContent[] {
  if (block.type === 'changed') return inline(block.parts);
  if (block.type === 'same') return [{ type: 'text', value: block.block.text }];
  return [edit(block.type, block.block.text)];
}

/**
 * A redline as hast: paragraphs as `<p>`, list items inside `<ul>` or `<ol>`, edits as `<del>` and `<ins>`.
 * @example redlineTree(redlineBlocks(before, after)) // => [{ type: 'element', tagName: 'p', … }]
 */
export function redlineTree(blocks: readonly RedlineBlock[]): Element[] {
  const out: Element[] = [];
  for (const item of blocks) {
    const { kind, list } = item.block;
    if (kind === 'p') {
      out.push({ type: 'element', tagName: 'p', properties: {}, children: contentOf(item) });
      continue;
    }
    const listTag = list ?? 'ul';
    const last = out.at(-1);
    const li: Element = { type: 'element', tagName: 'li', properties: {}, children: contentOf(item) };
    if (last?.tagName === listTag) last.children.push(li);
    else out.push({ type: 'element', tagName: listTag, properties: {}, children: [li] });
  }
  return out;
}

/**
 * The redline of a clause between two versions, as HTML: readable without CSS or script, and by screen readers.
 * @example redlineHtml([{ kind: 'p', text: 'Screen people.' }], [{ kind: 'p', text: 'Screen everyone.' }])
 * // => '<p>Screen <del class="app-redline__deleted"><span class="nhsuk-u-visually-hidden">[start of deletion] </span>people…'
 */
export function redlineHtml(before: readonly ClauseBlock[], after: readonly ClauseBlock[]): string {
  return toHtml({ type: 'root', children: redlineTree(redlineBlocks(before, after)) });
}

/**
 * A clause heading's redline as inline HTML: a changed number is replaced whole, the title word by word.
 * @example redlineHeadingHtml({ number: '13.1', title: 'Governance and costing' }, { number: '13.4', title: 'Governance' })
 * // => '<del …>…13.1…</del><ins …>…13.4…</ins> Governance<del …>… and costing…</del>'
 */
export function redlineHeadingHtml(
  before: { number: string; title: string },
  after: { number: string; title: string },
): string {
  const number: RedlinePart[] =
    before.number === after.number
      ? [{ type: 'same', text: after.number }]
      : [
          { type: 'deleted', text: before.number },
          { type: 'inserted', text: after.number },
        ];
  const parts = [...number, { type: 'same' as const, text: ' ' }, ...diffText(before.title, after.title)];
  return toHtml({ type: 'root', children: inline(parts) });
}
