import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewAnswer } from '../cms/preview-answer.ts';
import { answerPreview, type PreviewDeps } from './preview-endpoint.ts';

// A synthetic repository: the route reads nothing from it but names, and renders with stand-ins for the
// dev server's Markdown pipeline and template, so these tests are about what it refuses and passes on.
const repoRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-preview-route-'));
const contentDir = path.join(repoRoot, 'content');
const rendered: { body: string; file: string }[] = [];
const deps: PreviewDeps = {
  repoRoot,
  contentDir,
  today: new Date('2015-06-01T00:00:00Z'),
  markdown: async () => ({
    render: async (body, opts) => {
      rendered.push({ body, file: String(opts?.fileURL) });
      return {
        code: `<p>${body.trim()}</p>`,
        metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: {} },
      };
    },
  }),
  load: async () => ({
    renderPreview: async (entry, html) => ({
      html: `<article>${entry.data.title}${html}</article>`,
      callToAction: null,
      today: '2015-06-01',
    }),
  }),
  loadImage: async () => undefined,
};
const issue = [
  '---',
  'title: "Synthetic Bulletin: May 2015"',
  'date: 2015-05-27',
  'summary: "A synthetic issue."',
  '---',
  '',
  'Synthetic text.',
].join('\n');

let server: http.Server;
let origin: string;
beforeAll(async () => {
  server = http.createServer((req, res) => void answerPreview(req, res, deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(repoRoot, { recursive: true, force: true });
});

const ask = (body: unknown, init: { origin?: string; method?: string } = {}) =>
  fetch(`${origin}/admin/preview.json`, {
    method: init.method ?? 'POST',
    headers: { 'Content-Type': 'application/json', Origin: init.origin ?? origin },
    body: init.method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('the CMS preview route', () => {
  it('renders a bulletin from the form’s file: its body through the Markdown renderer, with the file’s address', async () => {
    const response = await ask({ path: 'content/bulletins/2015-05.md', raw: issue });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = (await response.json()) as PreviewAnswer;
    expect(answer.html).toBe('<article>Synthetic Bulletin: May 2015<p>Synthetic text.</p></article>');
    expect(rendered.at(-1)!.file).toBe(`file://${path.join(contentDir, 'bulletins/2015-05.md')}`);
  });

  it('answers a page on another origin, or another method, with 403 and renders nothing', async () => {
    const before = rendered.length;
    for (const other of ['https://attacker.example', 'http://127.0.0.1:1', 'null']) {
      expect((await ask({ path: 'content/bulletins/2015-05.md', raw: issue }, { origin: other })).status).toBe(403);
    }
    expect((await ask(undefined, { method: 'GET' })).status).toBe(403);
    expect(rendered.length).toBe(before);
  });

  it('refuses files outside the content folder and collections it does not draw as their page (404)', async () => {
    const before = rendered.length;
    for (const file of [
      '../outside/bulletins/2015-05.md',
      'content/../bulletins/2015-05.md',
      'content/bulletins/2015-05.yaml',
      'content/bulletins/nested/2015-05.md',
      'content/specification/2019/01-scope.md',
      'content/data/waves.yaml',
      '/etc/passwd',
    ]) {
      const response = await ask({ path: file, raw: issue });
      expect(response.status, file).toBe(404);
      expect(((await response.json()) as { error: string }).error).toBe(
        'Only bulletin issues and programme pages are previewed as their page.',
      );
    }
    expect(rendered.length).toBe(before);
  });

  it('refuses a body that is not the entry, not JSON, or larger than 2 MB (400)', async () => {
    expect((await ask({ path: 'content/bulletins/2015-05.md' })).status).toBe(400);
    expect((await ask({ path: 'content/bulletins/2015-05.md\0', raw: issue })).status).toBe(400);
    expect((await ask('{not json')).status).toBe(400);
    const large = await ask({ path: 'content/bulletins/2015-05.md', raw: 'x'.repeat(2 * 1024 * 1024 + 1) });
    expect(large.status).toBe(400);
  });

  it('draws no page while the fields fail the schema, and says the check says what to fix', async () => {
    const before = rendered.length;
    const response = await ask({
      path: 'content/bulletins/2015-05.md',
      raw: issue.replace('date: 2015-05-27', 'date: soon'),
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as PreviewAnswer;
    expect(answer.html).toBeNull();
    expect(answer.problem).toContain('the check above says what to fix');
    expect(rendered.length).toBe(before);
  });
});
