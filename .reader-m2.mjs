import { chromium } from 'playwright-core';
import sirv from 'sirv'; import http from 'node:http';
const srv = http.createServer(sirv('dist', { dev: true })).listen(0, '127.0.0.1');
await new Promise(r => srv.once('listening', r));
const origin = `http://127.0.0.1:${srv.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
for (const p of ['/programme/trial-waves/']) {
  await page.goto(origin + p);
  console.log(await page.locator('header.nhsuk-header').evaluate(el => el.getBoundingClientRect().height));
  await page.screenshot({ path: '/tmp/reader-measure/ours-before.png' });
  await page.locator('table').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/reader-measure/ours-table-before.png' });
  const widths = await page.evaluate(() => [...document.querySelectorAll('.nhsuk-header__navigation-link')].map(a => a.getBoundingClientRect().width));
  console.log(widths);
}
await browser.close(); srv.close();
