import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LOCAL_ADDRESS,
  addressProblem,
  citationAddress,
  publicAddressProblem,
  publicSiteAddress,
  siteAddress,
} from './site-address.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-site-address-'));
const yaml = (text: string) => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  fs.writeFileSync(file, text);
  return file;
};

describe('siteAddress', () => {
  const configured = yaml('# comment\nurl: https://ld.nhs.test\n');
  it('reads the address the team set in deploy/site.yaml', () => {
    expect(siteAddress({}, configured)).toEqual({ url: 'https://ld.nhs.test', source: 'deploy/site.yaml' });
  });
  it('lets SITE_URL override it, in any build', () => {
    expect(siteAddress({ SITE_URL: 'https://staging.nhs.test', LOCAL_PREVIEW: '1' }, configured)).toEqual({
      url: 'https://staging.nhs.test',
      source: 'SITE_URL',
    });
  });
  it('uses the local address in a preview on this computer, whatever the file says', () => {
    expect(siteAddress({ LOCAL_PREVIEW: '1' }, configured)).toEqual({
      url: LOCAL_ADDRESS,
      source: 'the local preview',
    });
  });
  it('has no source when nothing sets it (an empty url, or no file)', () => {
    expect(siteAddress({}, yaml('url:\n'))).toEqual({ url: LOCAL_ADDRESS });
    expect(siteAddress({}, path.join(dir, 'missing.yaml'))).toEqual({ url: LOCAL_ADDRESS });
  });
});

describe('publicAddressProblem', () => {
  it.each([
    'http://localhost:4321',
    'http://127.0.0.1:8080',
    'http://[::1]/',
    'http://0.0.0.0',
    'http://site.localhost',
    'https://example.org',
    'https://www.example.com',
    'https://liaison-and-diversion.example',
    'https://ld.invalid',
    'https://www.<the-address>.nhs.uk',
    'ftp://ld.nhs.uk',
  ])('refuses %s', (address) => {
    expect(publicAddressProblem(address)).toBeTruthy();
  });
  it('accepts a public address, and a .test one, which the tests build with', () => {
    expect(publicAddressProblem('https://www.england.nhs.uk')).toBeUndefined();
    expect(publicAddressProblem('https://ci.liaison-and-diversion.test')).toBeUndefined();
  });
});

describe('addressProblem', () => {
  it('says the address is not set, and where to set it', () => {
    const problem = addressProblem({ url: LOCAL_ADDRESS, localPreview: false });
    expect(problem?.message).toContain('is not set (neither deploy/site.yaml nor SITE_URL sets it)');
    expect(problem?.hint).toContain('Set `url` in deploy/site.yaml');
    expect(problem?.hint).toContain('npm start');
  });
  it('names a loopback address and where it came from', () => {
    const problem = addressProblem({ url: 'http://127.0.0.1:4321', urlSource: 'SITE_URL', localPreview: false });
    expect(problem?.message).toMatch(
      /^The site's public address is http:\/\/127\.0\.0\.1:4321, an address on your own computer .*\(from SITE_URL\)/,
    );
  });
  it('lets a local preview and a public address through', () => {
    expect(addressProblem({ url: LOCAL_ADDRESS, urlSource: 'the local preview', localPreview: true })).toBeUndefined();
    expect(addressProblem({ url: 'https://ld.nhs.test', urlSource: 'SITE_URL', localPreview: false })).toBeUndefined();
  });
});

describe('the address a citation gives (issue 26)', () => {
  const configured = yaml('url: https://ld.nhs.test/\n');
  it('is the public one in a preview on this computer, never localhost', () => {
    const base = publicSiteAddress({ LOCAL_PREVIEW: '1' }, configured);
    expect(base).toBe('https://ld.nhs.test');
    expect(citationAddress('/specification/2019/x/#clause-1', base)).toBe(
      'https://ld.nhs.test/specification/2019/x/#clause-1',
    );
    expect(publicSiteAddress({ LOCAL_PREVIEW: '1', SITE_URL: 'https://staging.nhs.test' }, configured)).toBe(
      'https://staging.nhs.test',
    );
  });
  it('is the path alone while no public address is set, or the one set is a computer’s or a placeholder', () => {
    for (const [env, file] of [
      [{ LOCAL_PREVIEW: '1' }, yaml('url:\n')],
      [{ LOCAL_PREVIEW: '1', SITE_URL: 'http://localhost:4321' }, configured],
      [{}, yaml('url: https://www.example.org\n')],
    ] as const) {
      const base = publicSiteAddress(env, file);
      expect(base).toBeUndefined();
      expect(citationAddress('/specification/2019/x/#clause-1', base)).toBe('/specification/2019/x/#clause-1');
    }
  });
});
