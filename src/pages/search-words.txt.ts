import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getBulletins, getProgrammePages, getSpecification } from '../lib/collections.ts';
import { entryHtml } from '../lib/render.ts';
import { countWords, htmlText, wordList } from '../lib/search-words.ts';

/**
 * `/search-words.txt`: the words of every page the search index holds (titles, summaries, text and the
 * glossary), for the search page's spelling corrections. The page fetches it only when a typed word matches nothing.
 */
export const GET: APIRoute = async () => {
  const counts = new Map<string, number>();
  const { sections } = await getSpecification();
  for (const entry of [...(await getBulletins()), ...(await getProgrammePages()), ...sections]) {
    countWords(`${entry.data.title} ${entry.data.summary}`, counts);
    countWords(htmlText(await entryHtml(entry)), counts);
  }
  for (const { data } of await getCollection('glossary')) countWords(`${data.term} ${data.definition}`, counts);
  return new Response(wordList(counts), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
