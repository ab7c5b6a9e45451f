/** Where the admin page loads Decap CMS from: our own origin, never a CDN. */
export const DECAP_PATH = '/admin/decap/';
/** The dev server's check of one entry (`npm run edit` only; never built). With an extension: Astro's dev server answers 404 to other paths without a trailing slash. */
export const CHECK_PATH = '/admin/check.json';
/** The admin page and everything under it: the CMS shows the check's problems in its own preview. */
export const ADMIN_PATH = '/admin/';
/** The dev server's rendering of an entry by its page's own template, for the preview (`npm run edit` only). */
export const PREVIEW_PATH = '/admin/preview.json';
