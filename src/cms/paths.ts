/** Where the admin page loads Decap CMS from: our own origin, never a CDN. */
export const DECAP_PATH = '/admin/decap/';
/** The dev server's check of one entry (`npm run edit` only; never built). */
export const CHECK_PATH = '/admin/check';
