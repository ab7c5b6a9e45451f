import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { htmlToHast } from 'satteri';
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { axeViolations, formatViolations, WCAG_22_AA } from './support/axe.ts';
import { builtPages, requireBuiltSite } from './support/pages.ts';
import { startSite, type SiteSession } from './support/site.ts';

// Checks the built site (run `npm run build` first): anchors, aliases and banners across specification versions,
// the redline of a known change, the feed of changes, and axe on the changes pages.
const DIST = requireBuiltSite('dist');

/** A built page parsed once: its elements, its ids and its links. */
interface Built {
  root: Root;
  ids: Map<string, Element>;
  links: string[];
}
const cache = new Map<string, Built>();
function built(urlPath: string): Built | undefined {
  const file = path.join(DIST, urlPath, urlPath.endsWith('/') ? 'index.html' : '');
  if (!fs.existsSync(file)) return undefined;
  const cached = cache.get(urlPath);
  if (cached) return cached;
  const root = htmlToHast(fs.readFileSync(file, 'utf8')) as Root;
  const page: Built = { root, ids: new Map(), links: [] };
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element') {
      if (typeof node.properties.id === 'string') page.ids.set(node.properties.id, node);
      if (node.tagName === 'a' && typeof node.properties.href === 'string') page.links.push(node.properties.href);
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(root);
  cache.set(urlPath, page);
  return page;
}
const find = (node: Root | RootContent, test: (e: Element) => boolean): Element[] => {
  const out: Element[] = [];
  if (node.type === 'element' && test(node)) out.push(node);
  if ('children' in node) for (const child of node.children) out.push(...find(child, test));
  return out;
};
const hasClass = (name: string) => (e: Element) =>
  Array.isArray(e.properties.className) && e.properties.className.includes(name);
const text = (node: Root | RootContent): string =>
  node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join('') : '';
/** The heading an anchor lands in: the element itself, or the heading an alias span sits in. */
const headingOf = (page: Built, id: string) => {
  const h2s = find(page.root, (e) => e.tagName === 'h2');
  return h2s.find((h) => h.properties.id === id || find(h, (e) => e.properties.id === id).length > 0);
};

const specPages = builtPages(DIST).filter((p) => p.startsWith('/specification/') && p.endsWith('/'));
const olderSections = specPages.filter((p) => /^\/specification\/2014\/(?!changes\/)[a-z-]+\/$/.test(p));

describe('specification versions in the built site', () => {
  it('builds contents and changes pages for each version, and the feed', () => {
    expect(specPages).toEqual(
      expect.arrayContaining([
        '/specification/',
        '/specification/2014/',
        '/specification/2014/changes/',
        '/specification/2019/changes/',
      ]),
    );
    expect(olderSections).toHaveLength(9);
    expect(fs.existsSync(path.join(DIST, 'specification/changes.xml'))).toBe(true);
  });

  it('resolves every same-site link with a fragment on specification pages to an element on the target page', () => {
    const broken: string[] = [];
    for (const from of specPages) {
      for (const href of built(from)!.links) {
        const url = new URL(href, `http://site${from}`);
        if (url.host !== 'site' || !url.hash) continue;
        const target = built(url.pathname);
        const id = decodeURIComponent(url.hash.slice(1));
        if (!target?.ids.has(id)) broken.push(`${from} -> ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('lands old number anchors on the same clause, in its own version and across versions', () => {
    const old = built('/specification/2014/governance-and-commissioning/')!;
    expect(headingOf(old, 'clause-13-1')?.properties.id).toBe('clause-governance');
    expect(headingOf(old, 'clause-13-4')?.properties.id).toBe('clause-governance');
    const now = built('/specification/governance-and-commissioning/')!;
    expect(headingOf(now, 'clause-13-4')?.properties.id).toBe('clause-governance');
    // 13.1 is another clause in 2019: the number goes to it, with a note of what it used to mean.
    expect(headingOf(now, 'clause-13-1')?.properties.id).toBe('clause-local-context');
    const journey = built('/specification/the-persons-journey/')!;
    expect(headingOf(journey, 'clause-5-2')?.properties.id).toBe('clause-screening');
    expect(text(journey.ids.get('clause-5-2')!)).toBe('');
  });

  it('keeps the in-page contents list pointing at each clause’s own id, with the heading’s words', () => {
    const journey = built('/specification/the-persons-journey/')!;
    const contents = find(journey.root, hasClass('nhsuk-contents-list__link')).map(
      (a) => `${a.properties.href} ${text(a)}`,
    );
    expect(contents).toEqual([
      '#clause-identification 5.1 Noticing who needs help',
      '#clause-screening 5.2 First check',
      '#clause-assessment 5.3 Full assessment',
      '#clause-referral 5.4 Onward support',
    ]);
  });

  it('marks every older page superseded, linking each clause to itself in the current version or saying it was removed', () => {
    for (const page of olderSections) {
      const old = built(page)!;
      const banner = find(old.root, hasClass('nhsuk-notification-banner'));
      expect(banner, page).toHaveLength(1);
      expect(text(banner[0])).toContain('This is the 2014 version. It was replaced by the 2019 version');
      const slug = page.split('/')[3];
      const bannerLinks = find(banner[0], (e) => e.tagName === 'a').map((a) => a.properties.href);
      expect(bannerLinks, page).toEqual([`/specification/${slug}/`]);
      for (const heading of find(
        old.root,
        (e) => e.tagName === 'h2' && String(e.properties.id).startsWith('clause-'),
      )) {
        const meta = superseded(old, heading);
        expect(meta, `${page} ${heading.properties.id}`).toBeDefined();
        const link = find(meta!, (e) => e.tagName === 'a')[0];
        const href = String(link.properties.href);
        if (text(meta!).startsWith('This clause was removed')) {
          expect(href).toBe('/specification/2019/changes/');
        } else {
          expect(href, `${page} ${heading.properties.id}`).toMatch(/^\/specification\/[a-z-]+\/#clause-/);
          expect(href.endsWith(`#${heading.properties.id}`), 'links to the same clause id').toBe(true);
        }
      }
    }
  });

  it('shows the known 2014 to 2019 change of clause 5.3 as this exact redline', () => {
    const changes = built('/specification/2019/changes/')!;
    const heading = changes.ids.get('changed-clause-assessment')!;
    const block = find(changes.root, hasClass('app-redline-clause')).find((c) => find(c, (e) => e === heading).length);
    const redline = find(block!, hasClass('app-redline'))[0];
    expect(text(redline)).toBe(
      'The [start of deletion] public sources this summary is written from do not show how the operating model described assessment [end of deletion]' +
        '[start of insertion] team then carries out a fuller assessment of the person’s needs [end of insertion]. ' +
        'The 2019 specification says [start of insertion] this  [end of insertion]assessment should be trauma-informed. ' +
        '[start of deletion] These sources do not show whether the operating model said the same [end of deletion]' +
        '[start of insertion] This means it takes account of how past trauma may affect the person [end of insertion].',
    );
    expect(find(redline, (e) => e.tagName === 'del')).toHaveLength(2);
    expect(find(redline, (e) => e.tagName === 'ins')).toHaveLength(3);
  });

  it('publishes a feed whose entries lead to the changes pages', () => {
    const feed = parseAtomFeed(fs.readFileSync(path.join(DIST, 'specification/changes.xml'), 'utf8'));
    const entries = (feed.entries ?? []).map((e) => ({ title: e.title?.value, href: e.links?.[0]?.href ?? '' }));
    expect(entries.map((e) => e.title)).toEqual([
      'Changes in the 2019 version of the service specification',
      'The 2014 version of the service specification',
    ]);
    for (const entry of entries) expect(built(new URL(entry.href).pathname), entry.href).toBeDefined();
  });
});

/** The superseded line under a clause heading on an older page. */
function superseded(page: Built, heading: Element): Element | undefined {
  const clause = find(page.root, hasClass('app-clause')).find((c) => c.children.includes(heading));
  return clause && find(clause, hasClass('app-clause-meta__superseded'))[0];
}

describe('specification versions in a browser', () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await startSite(DIST);
  });
  afterAll(() => site?.close());

  it('scrolls an old anchor to its clause, and opens a citation, without JavaScript', async () => {
    const tab = await site.open('/specification/2014/governance-and-commissioning/#clause-13-4', {
      javaScriptEnabled: false,
    });
    onTestFinished(() => tab.close());
    const landed = await tab.evaluate(() => {
      const target = document.querySelector(':target');
      return { heading: target?.closest('h2')?.id, top: Math.round(target?.getBoundingClientRect().top ?? -1) };
    });
    expect(landed.heading).toBe('clause-governance');
    expect(landed.top).toBeLessThan(50);

    await tab.goto(`${site.origin}/specification/the-persons-journey/`);
    const details = tab.locator('#clause-screening + .app-clause-meta details');
    expect(await details.locator('.app-citation').isVisible()).toBe(false);
    await details.locator('summary').click();
    expect(await details.locator('.app-citation').innerText()).toMatch(
      /^Liaison and Diversion website, summary of the service specification, 2019 version, clause 5\.2 "First check"\. A summary of the Liaison and Diversion Standard Service Specification 2019 \(NHS England and NHS Improvement, 20 November 2019\), not the official text\. http.+\/specification\/2019\/the-persons-journey\/#clause-screening$/,
    );
  });

  it.each(['/specification/2019/changes/', '/specification/2014/changes/'])(
    `axe finds no violations of ${WCAG_22_AA.join(', ')} on %s`,
    async (pathname) => {
      const page = await site.open(pathname);
      onTestFinished(() => page.close());
      expect(formatViolations(await axeViolations(page))).toBe('');
    },
  );
});
