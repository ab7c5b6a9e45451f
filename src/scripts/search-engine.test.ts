import { describe, expect, it } from 'vitest';
import type { PagefindResult } from './pagefind-api.ts';
import { asksAboutChanges, namedPartFirst, rarity, rerank, scorePages } from './search-engine.ts';
import { glossaryMatch, parseQuery } from './search-query.ts';

const result = (id: string): PagefindResult => ({ id, score: 1, data: () => Promise.reject(new Error('unused')) });
const pages = (entries: [string, number][]) =>
  new Map(entries.map(([id, score]) => [id, { result: result(id), score }]));

describe('ranking: every word counts, none is required', () => {
  it('weighs a rare word above a common one, and a word on nearly every page at almost nothing', () => {
    expect(rarity(100, 2)).toBeGreaterThan(rarity(100, 60));
    expect(rarity(100, 95)).toBeLessThan(0.1);
    expect(rarity(100, 200)).toBeGreaterThan(0);
  });

  it('marks the pages with every word (shown first), and ranks a rarer word above a common one', () => {
    // `screening` is on 2 pages of 40, `service` on 30.
    const screening = pages([
      ['journey', 5],
      ['about', 1],
    ]);
    const service = pages([
      ['about', 2],
      ['glossary', 2],
      ...Array.from({ length: 28 }, (_, i): [string, number] => [`page-${i}`, 1]),
    ]);
    const hits = scorePages([screening, service], 40);
    const score = (id: string) => hits.find((h) => h.result.id === id)!.score;
    expect(hits.find((h) => h.result.id === 'about')!.all).toBe(true);
    expect(hits.find((h) => h.result.id === 'journey')!.all).toBe(false);
    expect(score('journey')).toBeGreaterThan(score('glossary'));
    expect(score('about')).toBeGreaterThan(score('glossary'));
  });

  it('says no page holds every word when one word is on no page', () => {
    const hits = scorePages([pages([['a', 1]]), new Map()], 10);
    expect(hits.every((h) => !h.all)).toBe(true);
  });
});

describe('reordering the first results', () => {
  const parsed = parseQuery('custody suite');
  const hit = (score: number) => ({ all: true, score, matches: [result('x'), result('y')] });
  const page = (parts: { title: string; words: number; element: string; id?: string }[], kind = 'programme') => ({
    data: { meta: { kind } },
    parts,
  });

  it('puts a heading that is what was typed first, and a comparison of versions lower', () => {
    const order = rerank(
      parsed,
      [hit(3), hit(2), hit(2.5)],
      [
        page([{ title: 'Where it works', words: 2, element: 'h2', id: 'where' }], 'changes'),
        page([{ title: 'Custody suite', words: 2, element: 'h2', id: 'custody-suite' }]),
        page([{ title: 'Locations', words: 2, element: 'h2', id: 'locations' }]),
      ],
    );
    expect(order).toEqual([1, 2, 0]);
  });

  it('ranks a comparison of versions with the pages holding some words, unless the query asks what changed', () => {
    const hits = [hit(5), hit(1)];
    const pages = [page([{ title: 'Consent', words: 2, element: 'h2', id: 'c' }], 'changes'), page([])];
    expect(rerank(parsed, hits, pages)).toEqual([1, 0]);
    expect(hits[0].all).toBe(false);
    expect(rerank(parseQuery('custody suite changes'), [hit(5), hit(1)], pages)).toEqual([0, 1]);
    expect(asksAboutChanges(parseQuery('what changed in 2019'))).toBe(true);
    expect(asksAboutChanges(parseQuery('how to set up a new service'))).toBe(false);
  });

  it('holds a glossary to every word only when one term holds them all', () => {
    const hits = [hit(5)];
    rerank(parsed, hits, [
      page([
        { title: 'Custody', words: 1, element: 'dt', id: 'term-custody' },
        { title: 'Suite', words: 1, element: 'dt', id: 'term-suite' },
      ]),
    ]);
    expect(hits[0].all).toBe(false);
  });

  it('shows the clause typed by number, not one whose number starts the same', () => {
    const parts = [{ title: '3.10 Other' }, { title: '3.1 First' }];
    expect(namedPartFirst(parseQuery('3.1'), parts)[0].title).toBe('3.1 First');
  });
});

describe('glossary terms', () => {
  const terms = [
    { id: 'diversion', term: 'Diversion', definition: 'Guiding a person towards health care.' },
    { id: 'youth-offending-team', term: 'Youth offending team (YOT)', definition: 'A council team.' },
    { id: 'peer-support-worker', term: 'Peer support worker', definition: 'A worker with lived experience.' },
  ];
  it('finds the term a question asks for, by name, abbreviation or plural', () => {
    expect(glossaryMatch(parseQuery('what is diversion'), terms)?.id).toBe('diversion');
    expect(glossaryMatch(parseQuery('YOT'), terms)?.id).toBe('youth-offending-team');
    expect(glossaryMatch(parseQuery('peer support workers'), terms)?.id).toBe('peer-support-worker');
    expect(glossaryMatch(parseQuery('diversion schemes'), terms)).toBeUndefined();
    // Stop words are left out of the query, so they are left out of the term too.
    const named = [{ id: 'l-and-d', term: 'Liaison and diversion (L&D)', definition: 'A service.' }];
    expect(glossaryMatch(parseQuery('what is liaison and diversion'), named)?.id).toBe('l-and-d');
  });
});
