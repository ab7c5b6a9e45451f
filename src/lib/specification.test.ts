import { describe, expect, it } from 'vitest';
import { sectionPath, sectionSlug, sectionsOf, versionsOf } from './specification.ts';

const section = (id: string, n: number, version: string) => ({ id, data: { section: n, version } });

describe('specification helpers', () => {
  it('names a section by its file name without the number prefix', () => {
    expect(sectionSlug('2019/05-the-persons-journey')).toBe('the-persons-journey');
    expect(sectionSlug('2019/about')).toBe('about');
  });

  it('puts the current version at /specification/ and older ones under their year', () => {
    expect(sectionPath('2019/05-the-persons-journey', '2019', '2019')).toBe('/specification/the-persons-journey/');
    expect(sectionPath('2014/05-the-persons-journey', '2014', '2019')).toBe('/specification/2014/the-persons-journey/');
  });

  it('lists versions newest first and sections in number order', () => {
    const all = [section('2014/01-a', 1, '2014'), section('2019/10-b', 10, '2019'), section('2019/02-c', 2, '2019')];
    expect(versionsOf(all)).toEqual(['2019', '2014']);
    expect(sectionsOf(all, '2019').map((s) => s.id)).toEqual(['2019/02-c', '2019/10-b']);
  });
});
