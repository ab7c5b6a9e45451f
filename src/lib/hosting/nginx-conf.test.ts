import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadHosting } from './config.ts';
import { installNginxConf, NGINX_CONF_FILE, nginxConf } from './nginx-conf.ts';

const hosting = loadHosting('.');
const conf = nginxConf(hosting);

describe('deploy/nginx.conf', () => {
  test('the committed file is what deploy/hosting.yaml and deploy/redirects.yaml make', () => {
    // If this fails: run `npm run deploy:nginx-conf` and commit deploy/nginx.conf.
    expect(fs.readFileSync(NGINX_CONF_FILE, 'utf8')).toBe(conf);
  });

  test('headers are added in the server block only, always, so no location drops them', () => {
    const server = conf.slice(conf.indexOf('server {'));
    const firstLocation = server.indexOf('\n    location ');
    expect(server.slice(firstLocation)).not.toContain('add_header');
    expect(server).toContain('add_header Content-Security-Policy $ld_csp always;');
    expect(server).toContain('add_header Cache-Control $ld_cache_control always;');
    for (const line of server.split('\n').filter((l) => /^\s*add_header/.test(l))) expect(line).toMatch(/ always;$/);
  });

  test('precompressed files, the 404 page and the redirects are served', () => {
    expect(conf).toContain('brotli_static on;');
    expect(conf).toContain('gzip_static on;');
    expect(conf).toContain('error_page 404 /404.html;');
    expect(conf).toContain('"/bulletin/" "/bulletins/";');
    expect(conf).toContain('"/bulletin" "/bulletins/";');
    expect(conf).toContain('return 301 $ld_redirect;');
  });

  test('cache rules become anchored regular expressions, dots escaped', () => {
    const withDot = nginxConf({
      ...hosting,
      settings: {
        ...hosting.settings,
        cache: { default: 'no-cache', rules: [{ prefix: '/.well-known/', cacheControl: 'x' }] },
      },
    });
    expect(withDot).toContain('"~^/\\.well-known/" "x";');
  });

  test('installing fills in the root and the address', () => {
    const installed = installNginxConf(conf, { root: '/srv/ld site/current', listen: '127.0.0.1:8080' });
    expect(installed).toContain('root "/srv/ld site/current";');
    expect(installed).toContain('listen 127.0.0.1:8080;');
    expect(installed).not.toMatch(/__[A-Z_]+__/);
  });

  test('a root nginx cannot quote is refused', () => {
    expect(() => installNginxConf(conf, { root: '/srv/$site', listen: '80' })).toThrow(/cannot take in a path/);
  });
});
