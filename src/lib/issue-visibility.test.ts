import { describe, expect, it } from 'vitest';
import { isPublished, unpublishedReason } from './issue-visibility.ts';

const build = new Date('2015-05-27');

describe('isPublished', () => {
  it('publishes an issue dated on or before the build date', () => {
    expect(isPublished({ date: new Date('2015-05-27'), draft: false }, build)).toBe(true);
    expect(isPublished({ date: new Date('2015-04-01'), draft: false }, build)).toBe(true);
  });

  it('leaves out drafts and issues dated after the build', () => {
    expect(isPublished({ date: new Date('2015-04-01'), draft: true }, build)).toBe(false);
    expect(isPublished({ date: new Date('2015-05-28'), draft: false }, build)).toBe(false);
  });

  it('says why an issue is left out', () => {
    expect(unpublishedReason({ date: new Date('2015-04-01'), draft: true }, build)).toBe('draft');
    expect(unpublishedReason({ date: new Date('2015-07-01'), draft: false }, build)).toBe('scheduled');
    expect(unpublishedReason({ date: new Date('2015-04-01'), draft: false }, build)).toBeUndefined();
  });
});
