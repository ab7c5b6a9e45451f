import { siteConfig } from '../site.config.ts';
import { absoluteUrls } from './absolute-urls.ts';
import { bulletinPath, getBulletins, type Bulletin } from './collections.ts';
import { finishEmailEdition, type EmailEditionFiles } from './email.ts';
import { emailTemplate } from './email-template.ts';
import { emailCss } from './email-css.ts';
import { entryHtml } from './render.ts';
import { siteUrl } from './site-url.ts';

/**
 * The email edition of an issue as Astro renders it: the template with the email stylesheet in a
 * `<style>` element and every address absolute. `finishEmailEdition` (src/lib/email.ts) then inlines the
 * styles and writes the plain text: in a build outside Astro's process, from every issue's edition in
 * `EMAIL_EDITIONS_FILE` (src/pages/bulletins/email-editions.ndjson.ts), and under `astro dev` on each request.
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
    html: absoluteUrls(await entryHtml(bulletin), url),
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
 * The paths of the routes that serve one issue's edition (bulletins/[id]/email.html and email.txt):
 * every issue under `astro dev`, none in a build, which renders every edition in one route
 * (src/pages/bulletins/email-editions.ndjson.ts) for its finishing step to write out.
 */
export async function devEmailEditionPaths(): Promise<{ params: { id: string }; props: { bulletin: Bulletin } }[]> {
  if (!import.meta.env.DEV) return [];
  return (await getBulletins()).map((bulletin) => ({ params: { id: bulletin.id }, props: { bulletin } }));
}

/**
 * An issue's email edition as the build's finishing step makes it, for `astro dev`: styles inlined,
 * and its plain-text part.
 * @example (await finishedEmailEdition(may2015)).text // => 'Published 27 May 2015\n\n…'
 */
export async function finishedEmailEdition(bulletin: Bulletin): Promise<EmailEditionFiles> {
  return finishEmailEdition(await renderEmailEdition(bulletin), `bulletins/${bulletin.id}`);
}
