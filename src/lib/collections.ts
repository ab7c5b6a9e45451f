import { getCollection, type CollectionEntry } from 'astro:content';
import { newestFirst } from './archive.ts';
import { sectionPath, versionsOf } from './specification.ts';

export type Bulletin = CollectionEntry<'bulletins'>;
export type Section = CollectionEntry<'specification'>;
export type ProgrammePage = CollectionEntry<'programme'>;

/** Bulletins readers can see, newest first: drafts only in `astro dev`. */
export async function getBulletins(): Promise<Bulletin[]> {
  const all = await getCollection('bulletins', (entry) => import.meta.env.DEV || !entry.data.draft);
  return newestFirst(all);
}

/** The URL of a bulletin. */
export const bulletinPath = (bulletin: Pick<Bulletin, 'id'>) => `/bulletins/${bulletin.id}/`;

/** Programme pages in navigation order. */
export async function getProgrammePages(): Promise<ProgrammePage[]> {
  const all = await getCollection('programme');
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** Every specification section, with the versions present and the current (newest) one. */
export async function getSpecification() {
  const sections = await getCollection('specification');
  const versions = versionsOf(sections);
  const current = versions[0] ?? '';
  const pathOf = (section: Section) => sectionPath(section.id, section.data.version, current);
  return { sections, versions, current, pathOf };
}
