/**
 * `npm run new:bulletin`: starts the next issue of the bulletin. It proposes the date the cadence
 * says is next, asks for the title, and writes `content/bulletins/YYYY-MM.md` as a draft with every
 * field filled in or commented. It never overwrites a file and, on any failure, writes nothing.
 *
 *   npm run new:bulletin
 *   npm run new:bulletin -- --date 2015-07-27 --title "Liaison and Diversion Bulletin: July 2015" --yes
 *   npm run new:bulletin -- --dry-run
 */
import { commandOptions, fail } from './lib/command-options.ts';
import * as prompts from '@clack/prompts';
import { siteConfig } from '../src/site.config.ts';
import { isoDay } from '../src/lib/dates.ts';
import { defaultTitle } from '../src/content-rules/bulletin-template.ts';
import { displayPath } from '../src/content-rules/display-path.ts';
import { parseIssueDate, planIssue, proposedDate, writeNewFile } from './lib/new-bulletin.ts';

const USAGE = `Usage: npm run new:bulletin [-- options]

  --date YYYY-MM-DD   the issue's date (default: the next date the cadence gives)
  --title "…"         the issue's title (default: "Liaison and Diversion Bulletin: <Month> <Year>")
  --yes, -y           do not ask: use the options and defaults as they are
  --dry-run           show the file that would be written, and write nothing
  --help, -h          show this help`;

/** The preview address `npm run dev` serves a page at. */
const PREVIEW_ORIGIN = 'http://127.0.0.1:4321';

function readOptions() {
  return commandOptions(
    'npm run new:bulletin',
    {
      date: { type: 'string' },
      title: { type: 'string' },
      yes: { type: 'boolean', short: 'y', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    `\n${USAGE}`,
  );
}

/** Asks a question; Ctrl+C or Escape ends the command having written nothing. */
async function ask<T>(question: Promise<T>): Promise<Exclude<T, symbol>> {
  const answer = await question;
  if (prompts.isCancel(answer)) {
    prompts.cancel('Stopped: nothing was written.');
    process.exit(1);
  }
  return answer as Exclude<T, symbol>;
}

async function main() {
  const options = readOptions();
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const contentDir = siteConfig.contentDir;
  // Without a terminal to answer in (a script, CI), act as if --yes was given.
  const interactive = !options.yes && Boolean(process.stdin.isTTY);

  const proposed = isoDay(proposedDate(contentDir, siteConfig.buildDate));
  let dateText = options.date ?? proposed;
  if (options.date !== undefined) {
    const given = parseIssueDate(options.date);
    if (!given.ok) fail(`--date: ${given.error}`);
  }
  if (interactive) {
    prompts.intro('New bulletin issue');
    dateText = await ask(
      prompts.text({
        message: `Date of the issue (YYYY-MM-DD). The cadence gives ${proposed}.`,
        initialValue: dateText,
        validate: (value) => {
          const parsed = parseIssueDate(value ?? '');
          if (!parsed.ok) return parsed.error;
          const plan = planIssue(contentDir, parsed.date, 'x');
          return plan.ok ? undefined : plan.error;
        },
      }),
    );
  }
  const parsed = parseIssueDate(dateText);
  if (!parsed.ok) return fail(parsed.error);
  const date = parsed.date;

  let title = options.title ?? defaultTitle(date);
  if (interactive) {
    title = await ask(
      prompts.text({
        message: 'Title of the issue',
        initialValue: title,
        validate: (value) => (value?.trim() ? undefined : 'The title cannot be empty.'),
      }),
    );
  }

  const plan = planIssue(contentDir, date, title.trim());
  if (!plan.ok) return fail(plan.error);
  const shown = displayPath(plan.file);

  if (options['dry-run']) {
    console.log(`Dry run: nothing was written. This is what ${shown} would contain:\n`);
    console.log(plan.text);
    console.log(`It would be previewed at ${PREVIEW_ORIGIN}${plan.url} under \`npm run dev\`.`);
    return;
  }
  if (interactive && !(await ask(prompts.confirm({ message: `Write ${shown}?`, initialValue: true })))) {
    prompts.cancel('Nothing was written.');
    return;
  }
  try {
    writeNewFile(plan.file, plan.text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'EEXIST'
        ? `${shown} already exists: nothing was written.`
        : `could not write ${shown} (${code ?? String(error)}): nothing was written. Check the folder exists and you can write to it.`,
    );
  }
  const done = [
    `Wrote ${shown}`,
    `Preview it: run \`npm run dev\`, then open ${PREVIEW_ORIGIN}${plan.url}`,
    'It is a draft: write the issue, run `npm run check`, then delete the line `draft: true` to publish it.',
  ].join('\n');
  if (interactive) prompts.outro(done);
  else console.log(done);
}

await main();
