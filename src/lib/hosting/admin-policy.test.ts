import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHosting } from './config.ts';
import { contentSecurityPolicy, imageHeaders, pathHeaders, securityHeaders } from './headers.ts';
import { headersFile } from './host-files.ts';
import { nginxConf } from './nginx-conf.ts';

const hosting = loadHosting(path.resolve('.'));
const site = contentSecurityPolicy(hosting.settings.contentSecurityPolicy);
const admin = pathHeaders(hosting.settings, '/admin/')!;
const adminCsp = new Map(admin).get('Content-Security-Policy')!;

describe('the CMS’s own Content-Security-Policy', () => {
  it('every page but /admin/ keeps the site’s policy, which allows no eval and no inline style', () => {
    for (const page of ['/', '/bulletins/2015-05/', '/search/', '/administration/', '/404.html']) {
      expect(pathHeaders(hosting.settings, page)).toBeUndefined();
    }
    expect(new Map(securityHeaders(hosting.settings)).get('Content-Security-Policy')).toBe(site);
    expect(site).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    const conf = nginxConf(hosting);
    expect(conf).toContain(`default ${JSON.stringify(site)};`);
    expect(headersFile(hosting)).toContain(`/*\n  Content-Security-Policy: ${site}\n`);
  });

  it('/admin/ gets its own policy: what Decap needs and no more, and noindex', () => {
    expect(adminCsp).toContain("script-src 'self' 'unsafe-eval'");
    expect(adminCsp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(adminCsp).toContain("frame-ancestors 'none'");
    expect(adminCsp).toContain("default-src 'none'");
    expect(new Map(admin).get('X-Robots-Tag')).toBe('noindex, nofollow');
    const conf = nginxConf(hosting);
    expect(conf).toContain(`"~^/admin/" ${JSON.stringify(adminCsp)};`);
    expect(conf).toContain('"~^/admin/" "noindex, nofollow";');
    const file = headersFile(hosting);
    expect(file).toContain(
      `/admin/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${adminCsp}\n  X-Robots-Tag: noindex, nofollow`,
    );
  });
});

describe('images are pictures (issue 23)', () => {
  const images = pathHeaders(hosting.settings, '/_astro/map.Bx1.svg')!;
  const imageCsp = new Map(images).get('Content-Security-Policy')!;

  it('everything under /_astro/, where content images are built, is sandboxed and may load nothing', () => {
    expect(imageCsp).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(imageHeaders(hosting.settings)).toEqual(images);
    expect(nginxConf(hosting)).toContain(`"~^/_astro/" ${JSON.stringify(imageCsp)};`);
    expect(headersFile(hosting)).toContain(
      `/_astro/*\n  ! Content-Security-Policy\n  Content-Security-Policy: ${imageCsp}\n`,
    );
  });

  it('nginx refuses hidden files inside /.well-known/, and serves the folder itself', () => {
    const location = /location ~ "([^"]+)"/.exec(nginxConf(hosting))![1];
    const refused = new RegExp(location.replaceAll('\\\\', '\\'));
    for (const url of ['/.env', '/.git/config', '/.well-known/.env', '/.well-known/a/.git/config', '/x/.well-known/a'])
      expect(url, url).toMatch(refused);
    for (const url of ['/.well-known/security.txt', '/a.b/c', '/bulletins/']) expect(url, url).not.toMatch(refused);
  });
});
