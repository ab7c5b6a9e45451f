import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveDir } from './server.ts';

/** A built site served on 127.0.0.1 with one Chromium to visit it. */
export interface SiteSession {
  origin: string;
  browser: Browser;
  /** Opens a fresh page (in its own context) at `pathname`; the caller closes it. */
  open: (pathname: string, options?: OpenOptions) => Promise<Page>;
  close: () => Promise<void>;
}

/** How to open a page: its viewport and the like, what to wait for, and a hook that runs before it loads. */
export interface OpenOptions extends BrowserContextOptions {
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
  beforeLoad?: (page: Page) => void;
}

/**
 * Serves `dir` and launches Chromium: call in `beforeAll`, close in `afterAll`.
 * @example const site = await startSite('dist'); const page = await site.open('/bulletins/');
 */
export async function startSite(dir: string): Promise<SiteSession> {
  const [server, browser] = await Promise.all([serveDir(dir), launchBrowser()]);
  return {
    origin: server.origin,
    browser,
    async open(pathname, { waitUntil = 'load', beforeLoad, ...contextOptions } = {}) {
      const page = await browser.newPage(contextOptions);
      beforeLoad?.(page);
      const response = await page.goto(new URL(pathname, server.origin).href, { waitUntil });
      if (!response?.ok()) {
        await page.close();
        throw new Error(`${pathname} answered ${response?.status()} on the test server.`);
      }
      return page;
    },
    async close() {
      await Promise.all([browser.close(), server.close()]);
    },
  };
}
