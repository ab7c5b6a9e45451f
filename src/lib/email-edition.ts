import { siteConfig } from '../site.config.ts';
import { absoluteUrls } from './absolute-urls.ts';
import { cacheKey } from './cache-key.ts';
import { bulletinPath, callToActionOpen, getBulletins, type Bulletin } from './collections.ts';
import { emailHtml, emailText } from './email.ts';
import { emailTemplate } from './email-template.ts';
import { emailCss } from './email-css.ts';
import { entryHtml } from './render.ts';
import { withoutScrollRegions } from '../markdown/table-scroll.ts';
import { siteUrl } from './site-url.ts';

/**
 * The email edition of an issue before its styles are inlined: the template with the email stylesheet in
 * a `<style>` element and every address absolute.
 * @example await renderEmailEdition(may2015) // => '<!DOCTYPE html><html lang="en"><head>…<style>body {…'
 */
export async function renderEmailEdition(bulletin: Bulletin): Promise<string> {
  const url = siteUrl(bulletinPath(bulletin));
  return emailTemplate({
    title: bulletin.data.title,
    summary: bulletin.data.summary,
    published: bulletin.data.date,
    url,
    // The template's own addresses are absolute already; those an editor wrote in the issue are made so here.
    html: absoluteUrls(withoutScrollRegions(await entryHtml(bulletin)), url),
    callToAction: bulletin.data.callToAction,
    today: siteConfig.buildDate,
    links: {
      logo: siteUrl('/assets/images/nhsuk-icon-192.png'),
      home: siteUrl('/'),
      archive: siteUrl('/bulletins/'),
      getUpdates: siteUrl('/get-updates/'),
    },
    organisation: siteConfig.organisation,
    service: siteConfig.name,
    css: await emailCss(),
  });
}

/**
 * The paths of the routes that serve one issue's edition (bulletins/[id]/email.html and email.txt), the
 * same in `astro dev` and in a build. An edition shows its issue and its call to action's state today.
 */
export async function emailEditionPaths(): Promise<
  { params: { id: string }; props: { bulletin: Bulletin }; cacheKey: string }[]
> {
  return (await getBulletins()).map((bulletin) => ({
    params: { id: bulletin.id },
    props: { bulletin },
    cacheKey: cacheKey(bulletin, callToActionOpen(bulletin)),
  }));
}

/**
 * An issue's email edition as readers' email tools need it, styles inlined (the email.html route). Fails,
 * naming the issue, if it is too big for Gmail to show whole.
 * @example await emailEditionHtml(may2015) // => '<!DOCTYPE html><html lang="en"><head>…'
 */
export async function emailEditionHtml(bulletin: Bulletin): Promise<string> {
  return emailHtml(await renderEmailEdition(bulletin), `bulletins/${bulletin.id}`);
}

/**
 * The plain-text part of an issue's email edition (the email.txt route), read from the edition before
 * its styles are inlined: the same words, less to parse.
 * @example await emailEditionText(may2015) // => 'Published 27 May 2015\n\n…'
 */
export async function emailEditionText(bulletin: Bulletin): Promise<string> {
  return emailText(await renderEmailEdition(bulletin));
}
