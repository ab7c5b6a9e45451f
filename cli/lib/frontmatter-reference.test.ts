import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONTMATTER_DOC, frontmatterDocs } from './frontmatter-reference.ts';

describe('docs/editors/frontmatter.md', () => {
  it('matches the schemas: run `npm run docs:frontmatter` after changing one', async () => {
    const committed = fs.readFileSync(path.join(process.cwd(), FRONTMATTER_DOC), 'utf8');
    expect(committed).toBe(await frontmatterDocs(process.cwd()));
  });

  it('lists every field of every collection with its description', async () => {
    const text = await frontmatterDocs(process.cwd());
    for (const field of ['`callToAction.closes`', '`reviewBy`', '`version`', '`sortDate`', '`sources[].url`']) {
      expect(text).toContain(field);
    }
    expect(text).toContain('Last day readers can act; after it the callout shows as closed.');
  });
});
