import { chromium } from 'playwright-core';
import sirv from 'sirv'; import http from 'node:http'; import fs from 'node:fs'; import { execFileSync } from 'node:child_process';
const srv = http.createServer(sirv('dist', { dev: true })).listen(0, '127.0.0.1');
await new Promise(r => srv.once('listening', r));
const origin = `http://127.0.0.1:${srv.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const out = '/tmp/reader-measure/';
const [mode, ...paths] = process.argv.slice(2);
for (const p of paths) {
  const name = p.replace(/[^a-z0-9]+/gi, '_');
  if (mode === 'print') {
    const page = await browser.newPage();
    await page.goto(origin + p);
    await page.pdf({ path: out + name + '.pdf', format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', out + name + '.pdf', out + 'print' + name]);
  } else {
    const width = Number(mode);
    const page = await browser.newPage({ viewport: { width, height: 640 } });
    await page.goto(origin + p);
    console.log(p, await page.locator('header.nhsuk-header').evaluate(el => el.getBoundingClientRect().height));
    await page.screenshot({ path: `${out}${width}${name}.png` });
    const t = page.locator('.nhsuk-scroll__content');
    if (await t.count()) { await t.first().scrollIntoViewIfNeeded(); await page.screenshot({ path: `${out}${width}${name}-table.png` });
      await t.first().focus(); await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowRight');
      console.log('scrollLeft', await t.first().evaluate(e => [e.scrollLeft, e.scrollWidth, e.clientWidth]));
      await page.screenshot({ path: `${out}${width}${name}-table2.png` }); }
  }
}
await browser.close(); srv.close();
