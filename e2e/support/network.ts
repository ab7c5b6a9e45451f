import type { Page } from 'playwright-core';

/**
 * Records every request the page makes to anywhere but `origin` (data: and blob: URLs stay in the page).
 * @example const foreign = recordForeignRequests(page, server.origin); await page.goto(url); // foreign => []
 */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const allowed = new URL(origin);
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== allowed.hostname) foreign.push(`${request.method()} ${request.url()}`);
  });
  return foreign;
}
