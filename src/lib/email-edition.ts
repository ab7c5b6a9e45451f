import { AstroError } from 'astro/errors';
import EmailEdition from '../components/email/EmailEdition.astro';
import { siteConfig } from '../site.config.ts';
import emailCss from '../styles/email.css?raw';
import { absoluteUrls } from './absolute-urls.ts';
import { bulletinPath, type Bulletin } from './collections.ts';
import { EMAIL_SIZE_LIMIT, byteSize, emailText, inlineEmailCss } from './email.ts';
import { entryHtml, renderComponent } from './render.ts';
import { siteUrl } from './site-url.ts';

/** An issue ready to paste into an email tool: HTML with inlined styles, and its plain-text part. */
export interface EmailEditionFiles {
  html: string;
  text: string;
}

const editions = new Map<string, { files: Promise<EmailEditionFiles>; taken: Set<keyof EmailEditionFiles> }>();

/**
 * One file of the email edition of an issue. Both files come from one rendering, kept until the other
 * file has been taken too and then let go: held for the whole build, 1,000 editions came to tens of MB.
 * Fails the build, naming the issue, if the HTML is too big for Gmail to show whole.
 * @example await emailEditionFile(may2015, 'text') // => 'Published 27 May 2015\n\nLiaison and Diversion Bulletin: May 2015\n…'
 */
export async function emailEditionFile(bulletin: Bulletin, file: keyof EmailEditionFiles): Promise<string> {
  if (import.meta.env.DEV) return (await buildEdition(bulletin))[file];
  let edition = editions.get(bulletin.id);
  if (!edition) {
    edition = { files: buildEdition(bulletin), taken: new Set() };
    editions.set(bulletin.id, edition);
  }
  edition.taken.add(file);
  if (edition.taken.size === 2) editions.delete(bulletin.id);
  return (await edition.files)[file];
}

async function buildEdition(bulletin: Bulletin): Promise<EmailEditionFiles> {
  const url = siteUrl(bulletinPath(bulletin));
  const rendered = await renderComponent(EmailEdition, {
    partial: false,
    props: {
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
    },
  });
  const html = inlineEmailCss(rendered, emailCss);
  const size = byteSize(html);
  if (size > EMAIL_SIZE_LIMIT) {
    throw new AstroError(
      `The email edition of bulletins/${bulletin.id} is ${Math.ceil(size / 1024)} KB, over the ${EMAIL_SIZE_LIMIT / 1024} KB at which Gmail cuts a message short.`,
      'Shorten the issue, or move long material to a page of the site and link to it from the issue.',
    );
  }
  // The text is read from the HTML before its styles are inlined: the same words, less to parse.
  return { html, text: emailText(rendered) };
}
