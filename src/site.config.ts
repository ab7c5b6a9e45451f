import path from 'node:path';

/**
 * Every setting the generator reads from the environment, in one place.
 * `CONTENT_DIR` lets the same generator build fixture and benchmark corpora;
 * `SITE_URL` is the absolute address feeds, canonical links and sitemaps need.
 */
export const siteConfig = {
  name: 'Liaison and Diversion',
  organisation: 'NHS England',
  url: (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/+$/, ''),
  contentDir: path.resolve(process.env.CONTENT_DIR ?? 'content'),
  /** "Today" for a static site: the build's date, or `BUILD_DATE=YYYY-MM-DD` for tests. */
  buildDate: new Date(process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10)),
  /** The CMS at /admin/ (docs/deploy.md): the git host editors publish through, and `npm run edit`'s local one. */
  cms: {
    /** Decap's backend in production: github, gitlab or gitea. */
    backend: process.env.CMS_BACKEND ?? 'github',
    /** The repository on that host, `owner/name`. */
    repo: process.env.CMS_REPO ?? 'example/liaison-and-diversion',
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
