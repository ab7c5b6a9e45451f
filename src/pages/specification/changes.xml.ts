import type { APIRoute } from 'astro';
import { changesAtom, changesHtml, paragraphHtml, type ChangesEntry } from '../../lib/changes-feed.ts';
import { formatDate } from '../../lib/dates.ts';
import { changesUrl, clauseUrl, CHANGES_FEED_PATH } from '../../lib/specification-urls.ts';
import { getSpecificationVersions } from '../../lib/specification-versions.ts';
import { changesBySection, countChanges, describeCounts } from '../../lib/version-changes.ts';
import { siteConfig } from '../../site.config.ts';

/** An Atom feed with one entry per version of the specification: what changed in it. */
export const GET: APIRoute = async () => {
  const spec = await getSpecificationVersions();
  const absolute = (path: string) => new URL(path, siteConfig.url).href;
  const entries: ChangesEntry[] = spec.versions.map((version) => {
    const info = spec.info.get(version)!;
    const previous = spec.previous(version);
    const url = absolute(changesUrl(version));
    const base = `The ${version} version summarises the ${info.title}, published ${formatDate(info.published)}.`;
    if (!previous) {
      const clauses = spec.clauses.filter((s) => s.version === version).reduce((n, s) => n + s.clauses.length, 0);
      return {
        url,
        title: `The ${version} version of the service specification`,
        summary: `${base} It is the earliest version on this site, with ${clauses} clauses.`,
        html: paragraphHtml(`${base} It is the earliest version on this site.`),
        published: info.published,
      };
    }
    const groups = changesBySection(spec.clauses, previous, version);
    return {
      url,
      title: `Changes in the ${version} version of the service specification`,
      summary: `${base} Compared with the ${previous} version: ${describeCounts(countChanges(groups))}`,
      html: changesHtml(groups, (location) => absolute(clauseUrl(location, spec.current)), url),
      published: info.published,
    };
  });
  const body = changesAtom(
    {
      title: `${siteConfig.name}: service specification changes`,
      subtitle: 'Each version of the liaison and diversion service specification summary, and what changed in it.',
      homeUrl: absolute('/specification/'),
      selfUrl: absolute(CHANGES_FEED_PATH),
      author: siteConfig.organisation,
    },
    entries,
  );
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
