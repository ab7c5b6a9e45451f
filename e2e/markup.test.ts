import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { FileSystemConfigLoader, formatterFactory, HtmlValidate } from 'html-validate';
import { builtPages, requireBuiltSite } from './support/pages.ts';

const dist = requireBuiltSite('dist');
// Reads .htmlvalidate.json at the repository root (rules switched off there are explained in e2e/README.md).
const validator = new HtmlValidate(new FileSystemConfigLoader());
const text = formatterFactory('text');

/** The built file behind a page's URL path. */
const fileOf = (pathname: string) =>
  path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname.replace(/^\//, ''));

describe('html-validate finds nothing wrong', () => {
  test.each(builtPages(dist))('%s', async (pathname) => {
    const report = await validator.validateFile(fileOf(pathname));
    expect(report.valid ? '' : text(report.results)).toBe('');
  });
});
