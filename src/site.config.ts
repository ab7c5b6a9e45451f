import { createHash } from 'node:crypto';
import path from 'node:path';
import { SITE_ADDRESS_FILE, publicSiteAddress, siteAddress } from './lib/site-address.ts';
import type { SpecificationText } from './lib/specification-standing.ts';

// `LOCAL_PREVIEW=1` (set by `npm start` and `npm run dev`): a preview on this computer, which may use a local address.
const localPreview = process.env.LOCAL_PREVIEW === '1';
const address = siteAddress(process.env, path.resolve(SITE_ADDRESS_FILE));

/**
 * Every setting the generator reads from the environment and deploy/site.yaml, in one place.
 * `CONTENT_DIR` lets the same generator build fixture and benchmark corpora;
 * `url` is the absolute address feeds, canonical links and sitemaps need: `SITE_URL`, else the
 * address set in deploy/site.yaml, else (and always in a local preview) `LOCAL_ADDRESS`.
 */
export const siteConfig = {
  name: 'Liaison and Diversion',
  /** Who runs the site: the footer, link previews and the notice on specification pages say so. */
  organisation: 'NHS England',
  /**
   * What the specification pages are: `summary`, this site's summary of each official document, or
   * `official`, the official text. Every specification page, print, citation and search result says it
   * (src/components/specification/SpecificationStanding.astro, src/lib/specification-standing.ts).
   */
  specificationText: 'summary' as SpecificationText,
  url: address.url.replace(/\/+$/, ''),
  /** Where `url` came from: `SITE_URL`, deploy/site.yaml or the local preview; nothing when unset. */
  urlSource: address.source,
  /** The public address even in a local preview, for what readers copy (citations); unset while undecided. */
  publicUrl: publicSiteAddress(process.env, path.resolve(SITE_ADDRESS_FILE)),
  /** A preview on this computer may use a local address; every other build needs a public one. */
  localPreview,
  contentDir: path.resolve(process.env.CONTENT_DIR ?? 'content'),
  /**
   * Astro's cache (content store, incremental build cache), one per content folder, so that building test
   * or benchmark content never throws away the real site's.
   */
  get cacheDir() {
    return `node_modules/.astro/${createHash('sha256').update(this.contentDir).digest('hex').slice(0, 12)}/`;
  },
  /** "Today" for a static site: the build's date, or `BUILD_DATE=YYYY-MM-DD` for tests. */
  buildDate: new Date(process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10)),
  /** The CMS at /admin/ (docs/deploy.md): the git host editors publish through, and `npm run edit`'s local one. */
  cms: {
    /** Decap's backend in production: github, gitlab or gitea. */
    backend: process.env.CMS_BACKEND ?? 'github',
    /** The repository on that host, `owner/name`. */
    repo: process.env.CMS_REPO ?? 'example/liaison-and-diversion',
    /**
     * Whether the team has set the CMS up (CMS_REPO names the repository). Without it a build leaves
     * /admin/ out (src/integrations/cms.ts): a CMS for a placeholder repository is of no use to anyone.
     */
    configured: Boolean(process.env.CMS_REPO),
    /** The branch the site is published from; the CMS merges into it. */
    branch: process.env.CMS_BRANCH ?? 'main',
    /** The sign-in service's address (OAuth), when the host needs one besides its own. */
    authEndpoint: process.env.CMS_AUTH_URL,
    /** Set by `npm run edit`: decap-server's address, on 127.0.0.1. */
    localBackendUrl: process.env.CMS_LOCAL_BACKEND_URL,
    /** The git repository the content folder is in (`npm run edit` sets it; the project folder otherwise). */
    repoRoot: path.resolve(process.env.CMS_REPO_ROOT ?? '.'),
  },
};
