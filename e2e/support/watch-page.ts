import type { Page } from 'playwright-core';

/** What went wrong while a page loaded, one line each, and the way to read it. */
export interface PageWatch {
  /** Console errors and warnings, script errors, CSP violations, failed requests, requests elsewhere. */
  problems: () => Promise<string[]>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Watches a page (call before `goto`) for everything a reader would suffer from silently: console errors
 * and warnings, uncaught script errors, Content-Security-Policy violations, failed or 4xx/5xx requests,
 * and any request to a host other than `origin`.
 * @example const watch = await watchPage(page, origin); await page.goto(origin); await watch.problems() // => []
 */
export async function watchPage(page: Page, origin: string): Promise<PageWatch> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) {
      problems.push(`request to another host: ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  // The event is the one report of a violation that needs no console parsing. Playwright's init script
  // is not itself subject to the page's policy.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window.__cspViolations ??= []).push(
        `CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return {
    problems: async () => [...problems, ...(await page.evaluate(() => window.__cspViolations ?? []))],
  };
}
