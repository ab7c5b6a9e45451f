import { escapeUTF8 as escape } from 'entities';
import type { BulletinData } from '../schemas/bulletin.ts';
import { formatDate } from './dates.ts';
import { isOpen } from './issue-visibility.ts';

/** What one issue's email edition shows. */
export interface EmailTemplateProps {
  title: string;
  summary: string;
  published: Date;
  /** Absolute URL of the issue on the website. */
  url: string;
  /** The body, its links already absolute. */
  html: string;
  callToAction?: BulletinData['callToAction'];
  /** "Today" for a static build: decides whether the call to action is still open. */
  today: Date;
  /** Absolute URLs the footer points to. */
  links: { logo: string; home: string; archive: string; getUpdates: string };
  organisation: string;
  service: string;
  /** The email stylesheet, written into a `<style>` element for `emailHtml` to inline. */
  css: string;
}

/** The call to action, as a box after its body: open, with its link, or closed. */
function callout(action: NonNullable<BulletinData['callToAction']>, today: Date): string {
  const closes = escape(formatDate(action.closes));
  const link = action.href ? `<a href="${escape(action.href)}">${escape(action.title)}</a> ` : '';
  const when = isOpen(action, today) ? `<p>${link}Closes ${closes}.</p>` : `<p>This closed on ${closes}.</p>`;
  return `<div class="app-email__callout"><h2>${escape(action.title)}</h2><p>${escape(action.text)}</p>${when}</div>`;
}

/**
 * One bulletin issue as an email: a single 600px table, every address absolute, the stylesheet in a
 * `<style>` element for `emailHtml` to inline, so nothing here carries a class that needs a
 * stylesheet to make sense. A string template rather than an Astro component: rendering the component
 * through the Container API was most of what 1,000 editions cost Astro, 1.5 s of its time (bench/README.md).
 * @example emailTemplate({ title: 'May 2015 bulletin', … }) // => '<!DOCTYPE html><html lang="en">…'
 */
export function emailTemplate(props: EmailTemplateProps): string {
  const { title, summary, published, url, html, callToAction, today, links, organisation, service, css } = props;
  const [t, u] = [escape(title), escape(url)];
  const footerLink = (text: string, href: string) => `<p>${text}: <a href="${escape(href)}">${escape(href)}</a></p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${t}</title>
<style>${css}</style>
</head>
<body>
<table role="presentation" class="app-email__outer" width="100%" cellpadding="0" cellspacing="0"><tbody><tr>
<td class="app-email__frame" align="center">
<table role="presentation" class="app-email__container" width="600" cellpadding="0" cellspacing="0"><tbody>
<tr><td class="app-email__header">
<a href="${escape(links.home)}"><img src="${escape(links.logo)}" alt="NHS" width="40" height="40"></a>
<span class="app-email__service">${escape(service)}</span>
</td></tr>
<tr><td class="app-email__body">
<p class="app-email__meta">Published ${escape(formatDate(published))}</p>
<h1>${t}</h1>
<p class="app-email__lede">${escape(summary)}</p>
<p><a href="${u}">Read this issue on the website</a></p>
${html}
${callToAction ? callout(callToAction, today) : ''}
</td></tr>
<tr><td class="app-email__footer">
<p>This is the ${t} from ${escape(organisation)}.</p>
${footerLink('Read it on the website', url)}
${footerLink('Past issues', links.archive)}
${footerLink('Other ways to get the bulletin', links.getUpdates)}
<p>© ${escape(organisation)}</p>
</td></tr>
</tbody></table>
</td>
</tr></tbody></table>
</body>
</html>
`;
}
