import { describe, expect, it } from 'vitest';
import { emailTemplate, type EmailTemplateProps } from './email-template.ts';

const issue: EmailTemplateProps = {
  title: 'Liaison & Diversion <bulletin>, May 2015',
  summary: 'Wave 2 sites "go live".',
  published: new Date('2015-05-27'),
  url: 'https://ld.example.org/bulletins/2015-05/',
  html: '<h2 id="news">News</h2><p>Body &amp; more.</p>',
  today: new Date('2015-06-01'),
  links: {
    logo: 'https://ld.example.org/logo.png',
    home: 'https://ld.example.org/',
    archive: 'https://ld.example.org/bulletins/',
    getUpdates: 'https://ld.example.org/get-updates/',
  },
  organisation: 'NHS England',
  service: 'Liaison and Diversion',
  css: 'p { color: #212b32; }',
};
const action = {
  title: 'Have your say',
  text: 'Tell us what you think.',
  href: 'https://ld.example.org/survey/?a=1&b=2',
};

describe('emailTemplate', () => {
  it('writes the issue in a 600px table, its words escaped and its body as given', () => {
    const html = emailTemplate(issue);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<title>Liaison &amp; Diversion &lt;bulletin&gt;, May 2015</title>');
    expect(html).toContain('<style>p { color: #212b32; }</style>');
    expect(html).toContain('<table role="presentation" class="app-email__container" width="600"');
    expect(html).toContain('<p class="app-email__meta">Published 27 May 2015</p>');
    expect(html).toContain('<p class="app-email__lede">Wave 2 sites &quot;go live&quot;.</p>');
    expect(html).toContain('<h2 id="news">News</h2><p>Body &amp; more.</p>');
    expect(html).toContain(
      '<p>Past issues: <a href="https://ld.example.org/bulletins/">https://ld.example.org/bulletins/</a></p>',
    );
    expect(html).not.toContain('app-email__callout');
  });

  it('shows an open call to action with its link and closing date', () => {
    const html = emailTemplate({ ...issue, callToAction: { ...action, closes: new Date('2015-06-30') } });
    expect(html).toContain(
      '<div class="app-email__callout"><h2>Have your say</h2><p>Tell us what you think.</p>' +
        '<p><a href="https://ld.example.org/survey/?a=1&amp;b=2">Have your say</a> Closes 30 June 2015.</p></div>',
    );
  });

  it('shows a call to action that has closed without its link, open until the end of its last day', () => {
    const closed = emailTemplate({ ...issue, callToAction: { ...action, closes: new Date('2015-05-31') } });
    expect(closed).toContain('<p>This closed on 31 May 2015.</p>');
    expect(closed).not.toContain('survey');
    const lastDay = emailTemplate({ ...issue, callToAction: { ...action, closes: new Date('2015-06-01') } });
    expect(lastDay).toContain('Closes 1 June 2015.');
  });
});
