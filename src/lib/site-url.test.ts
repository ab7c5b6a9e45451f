import { describe, expect, it } from 'vitest';
import { siteConfig } from '../site.config.ts';
import { siteUrl } from './site-url.ts';

describe('siteUrl', () => {
  it('joins a path to the configured site address', () => {
    expect(siteUrl('/bulletins/2015-05/')).toBe(`${siteConfig.url}/bulletins/2015-05/`);
    expect(siteUrl('/')).toBe(`${siteConfig.url}/`);
  });
});
