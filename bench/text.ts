import type { Random } from './prng.ts';

// Plain words of the field, most common first: `word()` favours the front of the list the way real prose
// favours common words, so the search index sees a realistic spread of frequent and rare terms.
const WORDS = `the of and to in a for is that with on are by as be this from at or it an was have will which
their has not services service people team staff they can health support we our all its more been were also
who new into each local police court custody person needs one time work care year these other than them there
mental data first most may must over what when about should some further within between after those through
across help national record records assessment screening referral identification pathway partners partner
justice system scheme schemes commissioner commissioners provider providers nurse nurses practitioner
practitioners probation prison prisons youth young children adults family families carer carers housing
learning disability disabilities substance misuse alcohol drug drugs autism vulnerability vulnerabilities
outcome outcomes report reports review reviews training workforce plan plans guidance specification standard
standards model models evidence evaluation quality safety risk risks consent information sharing agreement
agreements meeting meetings network networks region regions area areas office offices hospital hospitals
community communities clinical clinician clinicians manager managers lead leads board boards committee
budget funding contract contracts week weeks month months quarter quarters figures figure number numbers
increase decrease change changes trial trials pilot pilots wave waves launch launched began begins continue
continued develop developed improve improved deliver delivered provide provided share shared agree agreed
review reviewed attend attended offer offered refer referred assess assessed identify identified complete
completed publish published consult consulted respond responded recommend recommended measure measured
approach approaches practice practices process processes priority priorities challenge challenges success
successes lesson lessons feedback survey surveys response responses experience experiences voice voices
early earlier later timely regular routine urgent complex simple clear shared joint joined whole wider
local regional national every several many few most much less better best good strong weak high low
liaison diversion magistrates crown hearing hearings sentence sentencing bail remand officer officers
sergeant desk cell suite suites interview interviews appropriate adult advocate advocates solicitor
solicitors prosecutor prosecutors defence charge charges caution cautions release released arrest arrests
homeless homelessness employment education benefits debt trauma wellbeing recovery treatment therapy therapies
appointment appointments follow contact contacts visit visits call calls phone online digital paper form forms
template templates dataset datasets return returns dashboard dashboards indicator indicators target targets`
  .split(/\s+/)
  .filter(Boolean);

// Made-up place names for schemes and areas: none is a real service.
const PLACE_STARTS = ['Al', 'Bar', 'Cal', 'Dun', 'El', 'Fen', 'Gar', 'Hal', 'Kel', 'Lan', 'Mor', 'Nor'];
const PLACE_ENDS = ['brook', 'ford', 'ley', 'ton', 'ham', 'wick', 'bury', 'mere', 'dale', 'field', 'stow', 'combe'];

/** A made-up place name such as "Kelbrook": benchmark text never names a real scheme. */
export function place(random: Random): string {
  return random.pick(PLACE_STARTS) + random.pick(PLACE_ENDS);
}

/** A word, common words far more often than rare ones (roughly Zipf-like). */
export function word(random: Random): string {
  return WORDS[Math.floor(WORDS.length * random.next() ** 2.5)];
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `count` words joined by spaces, with the odd place name or figure mixed in. */
export function words(random: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    out.push(roll < 0.03 ? place(random) : roll < 0.05 ? String(random.int(2, 480)) : word(random));
  }
  return out.join(' ');
}

/** A sentence of 8 to 22 words with a capital and a full stop. */
export function sentence(random: Random, length = random.int(8, 22)): string {
  return `${capitalise(words(random, length))}.`;
}

/** A heading in sentence case of 2 to 5 words. */
export function heading(random: Random): string {
  return capitalise(words(random, random.int(2, 5)));
}

/** A paragraph of exactly `count` words, cut into sentences. */
export function paragraphOf(random: Random, count: number): string {
  const sentences: string[] = [];
  let left = count;
  while (left > 0) {
    const length = Math.min(left, random.int(8, 22));
    sentences.push(sentence(random, length));
    left -= length;
  }
  return sentences.join(' ');
}

/** A paragraph of 3 to 6 sentences. */
export function paragraph(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => sentence(random)).join(' ');
}

/** A bulleted (`-`) or numbered (`1.`) list of 3 to 6 short items. */
export function list(random: Random, ordered = false): string {
  const count = random.int(3, 6);
  return Array.from(
    { length: count },
    (_, i) => `${ordered ? `${i + 1}.` : '-'} ${sentence(random, random.int(4, 12))}`,
  ).join('\n');
}

/** A GFM table of figures by area, with a header row. */
export function table(random: Random): string {
  const rows = Array.from(
    { length: random.int(3, 6) },
    () => `| ${place(random)} | ${random.int(10, 900)} | ${random.int(1, 99)}% | ${capitalise(word(random))} |`,
  );
  // No column alignment: GFM writes it as an inline style, which the site's Content-Security-Policy blocks.
  return ['| Area | Referrals | Seen within a day | Note |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/**
 * Counts the words a reader sees in Markdown: headings, prose, list items and table cells,
 * without link targets, list markers or table rules.
 * @example countWords('## A title\n\n- One [two](/x/) three') // => 5
 */
export function countWords(markdown: string): number {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const text = body
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/^\s*(?:#{1,6}|[-*]|\d+\.)\s+/gm, '')
    .replace(/[|[\]]/g, ' ');
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
