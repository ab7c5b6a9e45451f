import { describe, expect, it } from 'vitest';
import { buildArguments } from './build-arguments.ts';

describe('buildArguments', () => {
  it('publishes to dist/ and passes nothing to Astro by default', () => {
    expect(buildArguments([])).toEqual({ ok: true, dist: 'dist', astroArgs: [] });
  });

  it('takes --dist and passes every other argument to astro build, in order', () => {
    expect(buildArguments(['--verbose', '--dist', '/tmp/site', '--config', 'x.mjs', '--site=https://e.org'])).toEqual({
      ok: true,
      dist: '/tmp/site',
      astroArgs: ['--verbose', '--config', 'x.mjs', '--site=https://e.org'],
    });
    expect(buildArguments(['--dist=/tmp/other'])).toMatchObject({ ok: true, dist: '/tmp/other' });
  });

  it('refuses an option neither it nor astro build has, and names the one meant', () => {
    const typo = buildArguments(['--dsit', '/tmp/site']);
    expect(typo).toMatchObject({ ok: false });
    expect(typo.ok === false && typo.error).toContain('no option --dsit (did you mean --dist?)');
    expect(buildArguments(['--frce'])).toMatchObject({ ok: false, error: expect.stringContaining('--force?') });
    expect(buildArguments(['--publish-now'])).toMatchObject({
      ok: false,
      error: expect.not.stringContaining('did you mean'),
    });
  });

  it('refuses --outDir, which would bypass the safe swap', () => {
    expect(buildArguments(['--outDir', 'x'])).toMatchObject({ ok: false });
  });
});
