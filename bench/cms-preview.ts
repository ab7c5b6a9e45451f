/**
 * How long the CMS preview takes to draw an entry as its page (issue 26): asks a running `npm run edit`
 * (or `npm run dev`) for one entry's preview as the admin page does, again and again, and prints the
 * first answer's time and the median and slowest of the rest. The editor sees the page this long after
 * the preview's typing pause (PAUSE_MS in src/cms/preview.ts).
 *   node bench/cms-preview.ts --origin http://127.0.0.1:4321 --file content/bulletins/2015-05.md [--times 30]
 * `--file` is read from disk and sent as the form's text, under its path relative to the repository, or
 * under `--path` (a synthetic file kept outside content/, previewed as if it were that entry).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { PREVIEW_PATH } from '../src/cms/paths.ts';

const { values } = parseArgs({
  options: {
    origin: { type: 'string' },
    file: { type: 'string' },
    path: { type: 'string' },
    times: { type: 'string', default: '30' },
  },
});
if (!values.origin || !values.file) {
  console.error('Usage: node bench/cms-preview.ts --origin http://127.0.0.1:4321 --file content/bulletins/2015-05.md');
  process.exit(1);
}
const raw = fs.readFileSync(values.file, 'utf8');
const ask = async () => {
  const start = performance.now();
  const response = await fetch(`${values.origin}${PREVIEW_PATH}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: values.origin! },
    body: JSON.stringify({ path: values.path ?? values.file, raw }),
  });
  const answer = (await response.json()) as { html?: string | null; error?: string };
  if (!response.ok || !answer.html) throw new Error(`No page: ${response.status} ${answer.error ?? ''}`);
  return performance.now() - start;
};
const first = await ask();
const rest: number[] = [];
for (let i = 0; i < Number(values.times); i++) rest.push(await ask());
rest.sort((a, b) => a - b);
const ms = (n: number) => `${Math.round(n)} ms`;
console.log(
  `${values.file} (${raw.length.toLocaleString('en-GB')} characters): first ${ms(first)}, then median ${ms(rest[Math.floor(rest.length / 2)]!)}, slowest ${ms(rest.at(-1)!)} of ${rest.length}`,
);
