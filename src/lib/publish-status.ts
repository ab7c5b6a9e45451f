/**
 * Where publishing stands, as `npm run publish` reports it (cli/publish.ts) and the CMS's admin page shows
 * it (src/cms/publish-status.ts): a small JSON file, `/admin/publish-status.json` beside the live site's
 * pages (deploy/release.sh `report`), and under `npm run edit` the dev server's copy of it.
 */

/** The path the admin page reads the status from. */
export const PUBLISH_STATUS_PATH = '/admin/publish-status.json';

export type PublishStatus =
  /** A publish has started: checking, building and sending the site. */
  | { state: 'publishing'; at: string; commit?: string }
  /** The release is live; `at` is when it went live. */
  | { state: 'live'; at: string; release: string; commit?: string }
  /** The last publish failed; the live site, if there is one yet, is as it was. */
  | { state: 'failed'; at: string; reason: string; commit?: string }
  /**
   * Under `npm run edit`: Publish now merges into the branch and nothing here puts it live (no target
   * set, or the site's address missing); `reason` says so in an editor's words. Never in a live site.
   */
  | { state: 'not-set-up'; reason: string };

/** Reads a status someone else wrote; anything that is not one is undefined. */
export function parsePublishStatus(value: unknown): PublishStatus | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const status = value as Record<string, unknown>;
  if (status.state === 'not-set-up' && typeof status.reason === 'string') {
    return { state: 'not-set-up', reason: status.reason };
  }
  if (typeof status.at !== 'string' || Number.isNaN(Date.parse(status.at))) return undefined;
  const commit = typeof status.commit === 'string' ? { commit: status.commit } : {};
  if (status.state === 'publishing') return { state: 'publishing', at: status.at, ...commit };
  if (status.state === 'live' && typeof status.release === 'string') {
    return { state: 'live', at: status.at, release: status.release, ...commit };
  }
  if (status.state === 'failed' && typeof status.reason === 'string') {
    return { state: 'failed', at: status.at, reason: status.reason, ...commit };
  }
  return undefined;
}

/** "10:42", or "10:42 on 6 December" when not today, in the reader's own time zone (or `timeZone`). */
export function statusTime(at: string, now: Date, timeZone?: string): string {
  const when = new Date(at);
  const time = when.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
  const day = (date: Date) => date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone });
  return day(when) === day(now) ? time : `${time} on ${day(when)}`;
}

/**
 * What the editor reads, in plain words.
 * @example describePublishStatus({ state: 'live', at: '2015-07-29T09:42:00Z', release: 'r' }, new Date('2015-07-29T10:00:00Z'), 'UTC') // => 'Live: the site was published at 09:42.'
 */
export function describePublishStatus(status: PublishStatus, now: Date, timeZone?: string): string {
  if (status.state === 'not-set-up') return `Not set up to publish from here: ${status.reason}`;
  const time = statusTime(status.at, now, timeZone);
  switch (status.state) {
    case 'publishing':
      return `Publishing: started at ${time}. The site is being checked and built; this page updates when it is live.`;
    case 'live':
      return `Live: the site was published at ${time}.`;
    case 'failed':
      return `Publishing failed at ${time}: ${status.reason} Nothing on the live site has changed.`;
  }
}

/**
 * Why a build failed, in its own words, for the CMS: its first two errors (each the "Error" line and the
 * indented lines under it, which say what was expected and how to fix it) without colours, or its last
 * line when none says "Error".
 * @example failureReason('Checking…\nError: a.md:2  field `titel`\n  `titel` is not a field of a bulletin.\n\n1 error') // => 'Error: a.md:2  field `titel` `titel` is not a field of a bulletin.'
 */
export function failureReason(output: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const errors: string[][] = [];
  let block: string[] | undefined;
  for (const line of lines) {
    if (/^error\b/i.test(line.trim())) errors.push((block = [line.trim()]));
    else if (block && /^\s+\S/.test(line)) block.push(line.trim());
    else block = undefined;
  }
  const more = errors.length > 2 ? ` (and ${errors.length - 2} more errors)` : '';
  const reason =
    errors.length > 0
      ? errors
          .slice(0, 2)
          .map((lines) => lines.join(' '))
          .join(' ') + more
      : (lines
          .map((line) => line.trim())
          .filter(Boolean)
          .at(-1) ?? '');
  return reason.length > 800 ? `${reason.slice(0, 799)}…` : reason;
}
