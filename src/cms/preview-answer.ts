/**
 * What the dev server's preview route (src/integrations/preview-endpoint.ts) answers the admin page: the
 * entry's part of its page, rendered by the page's own component from the site's Markdown pipeline. No
 * file system imports: the admin page's script reads these types in the browser.
 */

/** The call to action's box as the page renders it on one day, and whether it is open that day. */
export interface CallToActionBox {
  html: string;
  open: boolean;
}

export interface PreviewAnswer {
  /**
   * The entry's article as the built page has it (the slot the page adds after it, such as pagination,
   * left out); null while the form's fields are not yet what the page needs (then `problem` says why).
   */
  html: string | null;
  problem?: string;
  /** The call to action on the date and on "today" (the build date); null without one. */
  callToAction: { onPublication: CallToActionBox; today: CallToActionBox } | null;
  /** "Today" for the site: the build date, as an ISO date. */
  today: string;
}
