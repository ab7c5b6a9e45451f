import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { newestFirst } from './archive.ts';
import { isOpen, isPublished } from './issue-visibility.ts';
import { sectionPath, versionsOf } from './specification.ts';

export type Bulletin = CollectionEntry<'bulletins'>;
export type Section = CollectionEntry<'specification'>;
export type ProgrammePage = CollectionEntry<'programme'>;

/**
 * Bulletins readers can see, newest first. The ONE place that decides what is published:
 * pages, feeds, sitemap and search index all list bulletins through it. A production build
 * leaves out drafts and issues dated after the build date; `astro dev` shows them all, with a banner.
 */
export async function getBulletins(): Promise<Bulletin[]> {
  const all = await getCollection(
    'bulletins',
    (entry) => import.meta.env.DEV || isPublished(entry.data, siteConfig.buildDate),
  );
  return newestFirst(all);
}

/** Whether an issue's call to action is open on the build date; undefined when it has none. */
export const callToActionOpen = ({ data }: Bulletin) =>
  data.callToAction && isOpen(data.callToAction, siteConfig.buildDate);

export { bulletinPath } from './page-paths.ts';

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
