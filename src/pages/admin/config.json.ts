import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { parse } from 'yaml';
import { cmsConfig } from '../../cms/config.ts';
import { nextIssueDay } from '../../cms/next-issue.ts';
import { contentCollections, dataCollections } from '../../lib/content-layout.ts';
import { siteConfig } from '../../site.config.ts';

/** The versions the specification has, newest first, from data/specification-versions.yaml. */
function versions(): string[] {
  const file = path.join(siteConfig.contentDir, dataCollections.specificationVersions);
  const list = fs.existsSync(file) ? ((parse(fs.readFileSync(file, 'utf8')) as { id?: unknown }[] | null) ?? []) : [];
  return list.map((v) => String(v.id)).filter((id) => /^\d{4}$/.test(id));
}

/**
 * The CMS's configuration, made from the schemas when the site is built (and on every request under
 * `npm run edit`, so a new issue's date follows the newest issue).
 */
export const GET: APIRoute = ({ url }) => {
  const { cms } = siteConfig;
  const config = cmsConfig({
    repoRoot: cms.repoRoot,
    contentDir: siteConfig.contentDir,
    // Under `npm run edit` the CMS links to the dev server it runs on.
    siteUrl: import.meta.env.DEV ? url.origin : siteConfig.url,
    nextIssueDate: nextIssueDay(path.join(siteConfig.contentDir, contentCollections.bulletins.folder)),
    versions: versions(),
    backend: {
      name: cms.backend,
      repo: cms.repo,
      branch: cms.branch,
      ...(cms.authEndpoint ? { base_url: cms.authEndpoint } : {}),
    },
    localBackendUrl: import.meta.env.DEV ? cms.localBackendUrl : undefined,
  });
  return new Response(JSON.stringify(config, null, 2), { headers: { 'Content-Type': 'application/json' } });
};
