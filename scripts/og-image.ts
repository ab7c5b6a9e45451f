/**
 * Draws the default link-preview image, public/og-image.png (1200×630, the size Open Graph and
 * Twitter cards use), with Debian's Chromium: the NHS logo and the site's name on NHS blue.
 * Run it again only if the name changes: `node_modules/.bin/node scripts/og-image.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../e2e/support/browser.ts';
import { siteConfig } from '../src/site.config.ts';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'og-image.png');

// The NHS logo, as the site's header draws it.
const logo =
  'M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z';

const html = `<!doctype html>
<html lang="en"><head><style>
  html, body { margin: 0; }
  body { width: 1200px; height: 630px; box-sizing: border-box; padding: 96px 104px; background: #005eb8; color: #fff;
    font-family: 'Liberation Sans', Arial, sans-serif; display: flex; flex-direction: column; justify-content: space-between; }
  svg { display: block; }
  h1 { margin: 0; font-size: 96px; line-height: 1.1; font-weight: bold; letter-spacing: -1px; }
  p { margin: 24px 0 0; font-size: 44px; }
</style></head>
<body>
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" width="250" height="100"><path fill="#fff" d="${logo}"/></svg>
  <div><h1>${siteConfig.name}</h1><p>${siteConfig.organisation}</p></div>
</body></html>`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(html);
  await page.screenshot({ path: out, type: 'png' });
  console.log(`Wrote ${path.relative(process.cwd(), out)} (1200×630).`);
} finally {
  await browser.close();
}
