/** The least of a specification section the helpers need. */
export interface SectionLike {
  id: string;
  data: { section: number; version: string };
}

/**
 * The part of a section's URL that names it: the file name without its number prefix.
 * @example sectionSlug('2019/05-the-persons-journey') // => 'the-persons-journey'
 */
export function sectionSlug(id: string): string {
  const name = id.split('/').at(-1) ?? id;
  return name.replace(/^\d+-/, '');
}

/**
 * Versions present in the content, newest first.
 * @example versionsOf(sections) // => ['2019', '2014']
 */
export function versionsOf(sections: readonly SectionLike[]): string[] {
  return [...new Set(sections.map((s) => s.data.version))].sort((a, b) => b.localeCompare(a));
}

/**
 * The current version from the folders of a content folder's specification, before any content is
 * loaded (for the sitemap's filter): the newest, as `versionsOf` orders them, which the build checks
 * is the one data/specification-versions.yaml marks current.
 * @example currentVersionFolder(['2014', '2019']) // => '2019'
 */
export function currentVersionFolder(folders: readonly string[]): string | undefined {
  return versionsOf(
    folders.filter((name) => /^\d{4}$/.test(name)).map((version) => ({ id: version, data: { section: 0, version } })),
  )[0];
}

/**
 * The URL of a section: the current version at `/specification/<slug>/`, older ones under their year.
 * @example sectionPath('2014/05-the-persons-journey', '2014', '2019') // => '/specification/2014/the-persons-journey/'
 */
export function sectionPath(id: string, version: string, current: string): string {
  const slug = sectionSlug(id);
  return version === current ? `/specification/${slug}/` : `/specification/${version}/${slug}/`;
}

/** Sections of one version in section order. */
export function sectionsOf<T extends SectionLike>(sections: readonly T[], version: string): T[] {
  return sections.filter((s) => s.data.version === version).sort((a, b) => a.data.section - b.data.section);
}
