import { launchBrowser } from '../e2e/support/browser.ts';
import { serveDir } from '../e2e/support/server.ts';
const server = await serveDir('dist');
const browser = await launchBrowser();
for (const width of [1280, 320]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const [name, q] of [['child', 'child in police custody'], ['veterans', 'women veterans'], ['screning', 'screning'], ['pays', 'who pays for the service'], ['diversion', 'what is diversion'], ['xylo', 'xylophonic']]) {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(q)}`);
    await page.locator('#search-status').filter({ hasText: /\S/ }).waitFor();
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png`, fullPage: true });
  }
  await page.close();
  const nojs = await browser.newPage({ viewport: { width, height: 900 }, javaScriptEnabled: false });
  await nojs.goto(`${server.origin}/search/?q=custody`);
  await nojs.screenshot({ path: `/tmp/shots/nojs-${width}.png`, fullPage: true });
  await nojs.goto(`${server.origin}/specification/clauses/`);
  await nojs.screenshot({ path: `/tmp/shots/clauses-${width}.png`, fullPage: true });
  await nojs.close();
}
await browser.close(); await server.close();
