import { describe, expect, it } from 'vitest';
import { describePublishStatus, failureReason, parsePublishStatus } from './publish-status.ts';

const now = new Date('2015-07-29T10:00:00Z');

describe('the publishing status the CMS shows', () => {
  it('says publishing, live at a time, or failed and why', () => {
    expect(describePublishStatus({ state: 'publishing', at: '2015-07-29T09:41:00Z' }, now, 'UTC')).toMatch(
      /^Publishing: started at 09:41\./,
    );
    expect(describePublishStatus({ state: 'live', at: '2015-07-29T09:42:00Z', release: 'r' }, now, 'UTC')).toBe(
      'Live: the site was published at 09:42.',
    );
    expect(
      describePublishStatus({ state: 'failed', at: '2015-07-29T09:45:00Z', reason: 'Error: no title.' }, now, 'UTC'),
    ).toBe('Publishing failed at 09:45: Error: no title. Nothing on the live site has changed.');
  });

  it('says when this editor is not set up to publish, and why', () => {
    const status = parsePublishStatus({ state: 'not-set-up', reason: 'Publish now saves to main only.' });
    expect(status).toEqual({ state: 'not-set-up', reason: 'Publish now saves to main only.' });
    expect(describePublishStatus(status!, now)).toBe(
      'Not set up to publish from here: Publish now saves to main only.',
    );
    expect(parsePublishStatus({ state: 'not-set-up' })).toBeUndefined();
  });

  it('gives the day when it was not today, in the time zone asked for', () => {
    expect(
      describePublishStatus({ state: 'live', at: '2015-07-27T16:05:00Z', release: 'r' }, now, 'Europe/London'),
    ).toBe('Live: the site was published at 17:05 on 27 July.');
  });

  it('reads only a status it understands', () => {
    expect(parsePublishStatus({ state: 'live', at: '2015-07-29T09:42:00Z', release: 'r', commit: 'abc' })).toEqual({
      state: 'live',
      at: '2015-07-29T09:42:00Z',
      release: 'r',
      commit: 'abc',
    });
    expect(parsePublishStatus({ state: 'live', at: '2015-07-29T09:42:00Z' })).toBeUndefined();
    expect(parsePublishStatus({ state: 'failed', at: 'yesterday', reason: 'x' })).toBeUndefined();
    expect(parsePublishStatus('live')).toBeUndefined();
    expect(parsePublishStatus(null)).toBeUndefined();
  });
});

describe('why a build failed', () => {
  it('takes the first two errors with what to do, without colours', () => {
    const output = [
      'Checking 3 files…',
      '\u001b[31mError\u001b[39m: content/bulletins/2015-04.md:2  field `titel`',
      '  `titel` is not a field of a bulletin.',
      '  How to fix: Rename `titel` to `title`.',
      '',
      'Error: two',
      'Error: three',
      'Checked 3 files: 3 errors.',
    ].join('\n');
    expect(failureReason(output)).toBe(
      'Error: content/bulletins/2015-04.md:2  field `titel` `titel` is not a field of a bulletin. How to fix: Rename `titel` to `title`. Error: two (and 1 more errors)',
    );
  });

  it('takes the last line when none says Error, and keeps it short', () => {
    expect(failureReason('building\nThe build failed (exit code 1).\n\n')).toBe('The build failed (exit code 1).');
    expect(failureReason(`Error: ${'x'.repeat(900)}`)).toHaveLength(800);
  });
});
