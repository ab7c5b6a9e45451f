/**
 * `npm run docs:frontmatter`: writes docs/editors/frontmatter.md from the zod schemas, so the
 * editors' reference always matches what `npm run check` enforces. Run it after changing a schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FRONTMATTER_DOC, frontmatterDocs } from './lib/frontmatter-reference.ts';

const file = path.join(process.cwd(), FRONTMATTER_DOC);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, await frontmatterDocs(process.cwd()));
console.log(`Wrote ${FRONTMATTER_DOC}`);
