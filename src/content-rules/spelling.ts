import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { spellCheckDocument } from 'cspell-lib';
import type { Problem } from './problems.ts';

/** The site's own words: names, places and terms a British English dictionary does not have, one a line. */
export const SITE_WORDS_FILE = path.join(import.meta.dirname, 'site-words.txt');

const require = createRequire(import.meta.url);

/** The words in the site's word list, without comments (`#`) and blank lines. */
export function siteWords(file = SITE_WORDS_FILE): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/**
 * Spelling in British English (cspell with its British English dictionary, @cspell/dict-en-gb-mit) and the
 * site's word list, for each content text file given: one warning per unknown word per file, at its first
 * line, with cspell's suggestions. Only `npm run check` runs it (cli/check.ts): it reads a dictionary
 * from node_modules, which the CMS in a browser cannot, and a slip of spelling never stops a build.
 */
export async function spellingProblems(
  files: readonly { file: string; shown: string; text: string }[],
  words: readonly string[] = siteWords(),
): Promise<Problem[]> {
  const settings = {
    language: 'en-GB',
    import: [require.resolve('@cspell/dict-en-gb-mit/cspell-ext.json')],
    words: [...words],
    // Addresses, e-mail addresses, and YAML keys before their colon are not prose.
    ignoreRegExpList: ['Urls', 'Email', '/^\\s*[\\w-]+:/gm'],
  };
  const problems: Problem[] = [];
  for (const { file, shown, text } of files) {
    const languageId = file.endsWith('.md') ? 'markdown' : 'yaml';
    const result = await spellCheckDocument(
      { uri: pathToFileURL(file).href, text, languageId, locale: 'en-GB' },
      { noConfigSearch: true, generateSuggestions: true, numSuggestions: 3 },
      settings,
    );
    const seen = new Set<string>();
    for (const issue of result.issues) {
      if (seen.has(issue.text)) continue;
      seen.add(issue.text);
      const line = text.slice(0, issue.offset).split('\n').length;
      const suggestions = (issue.suggestionsEx ?? []).map((s) => s.word).slice(0, 3);
      problems.push({
        severity: 'warning',
        file: shown,
        line,
        message: `“${issue.text}” is not in the British English dictionary or the site’s word list.`,
        expected: suggestions.length ? `a word such as ${suggestions.map((s) => `“${s}”`).join(', ')}` : undefined,
        fix: `Correct the spelling, or, if “${issue.text}” is right (a name or a term), add it to src/content-rules/site-words.txt.`,
      });
    }
  }
  return problems;
}
