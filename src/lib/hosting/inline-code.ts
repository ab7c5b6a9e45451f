import { createHash } from 'node:crypto';
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';
import type { HostingSettings } from '../../schemas/hosting.ts';

/** Inline code in a page that the Content-Security-Policy must allow, or the page breaks. */
export interface InlineCode {
  /** Elements can be allowed by hash; `style=` attributes only by 'unsafe-inline'; `onclick=` never. */
  kind: 'script' | 'style' | 'style-attribute' | 'script-attribute';
  /** What it is, for the error message: `<script>`, `style="…" on <p>`. */
  what: string;
  /** The CSP source that allows it, for `script` and `style`. */
  hash?: string;
}

/**
 * The CSP hash source of an inline script or style, over its exact text.
 * @example cspHash('alert(1)') // => "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
 */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

// <script type="application/ld+json"> and other data blocks never run, so CSP ignores them.
const scriptTypes = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/**
 * Every inline script, style element, style attribute, event handler and javascript: link in a page.
 * @example findInlineCode('<p style="color:red">Hi</p>') // => [{ kind: 'style-attribute', what: 'style="…" on <p>' }]
 */
export function findInlineCode(html: string): InlineCode[] {
  const found: InlineCode[] = [];
  // Most pages have none of these: skip parsing them, which keeps large builds quick. A bulletin's only
  // script element is its JSON-LD, which is data: such a page is skipped too.
  if (!/<script(?!\s+type="application\/ld\+json")|<style|\sstyle\s*=|\son[a-z]+\s*=|javascript:/i.test(html))
    return found;
  walkSync(parse(html), (node: Node) => {
    if (node.type !== ELEMENT_NODE) return;
    const attributes: Record<string, string> = node.attributes ?? {};
    const text = () => node.children.map((child: Node) => child.value ?? '').join('');
    if (node.name === 'script' && !('src' in attributes) && scriptTypes.has((attributes.type ?? '').toLowerCase())) {
      found.push({ kind: 'script', what: '<script>', hash: cspHash(text()) });
    } else if (node.name === 'style') {
      found.push({ kind: 'style', what: '<style>', hash: cspHash(text()) });
    }
    for (const [name, value] of Object.entries(attributes)) {
      const lower = name.toLowerCase();
      if (lower === 'style') {
        found.push({ kind: 'style-attribute', what: `style="…" on <${node.name}>` });
      } else if (/^on[a-z]+$/.test(lower)) {
        found.push({ kind: 'script-attribute', what: `${lower}="…" on <${node.name}>` });
      } else if ((lower === 'href' || lower === 'src') && /^\s*javascript:/i.test(value)) {
        found.push({ kind: 'script-attribute', what: `a javascript: ${lower} on <${node.name}>` });
      }
    }
  });
  return found;
}

/**
 * Explains every piece of inline code the policy would block, once per distinct piece, naming the pages.
 * @example blockedInlineCode([{ file: 'dist/index.html', html: '<style>p{}</style>' }], csp) // => ['<style> (sha256-…) in dist/index.html: …']
 */
export function blockedInlineCode(
  pages: { file: string; html: string }[],
  csp: HostingSettings['contentSecurityPolicy'],
): string[] {
  const scripts = csp['script-src-elem'] ?? csp['script-src'] ?? [];
  const styles = csp['style-src-elem'] ?? csp['style-src'] ?? [];
  const styleAttributes = csp['style-src-attr'] ?? csp['style-src'] ?? [];
  const allows: Record<InlineCode['kind'], (code: InlineCode) => boolean> = {
    script: (code) => scripts.includes(code.hash!),
    style: (code) => styles.includes(code.hash!) || allowsAnyInline(styles),
    'style-attribute': () => allowsAnyInline(styleAttributes),
    'script-attribute': () => false,
  };
  const blocked = new Map<string, { code: InlineCode; files: string[] }>();
  for (const { file, html } of pages) {
    for (const code of findInlineCode(html)) {
      if (allows[code.kind](code)) continue;
      const key = `${code.what} ${code.hash ?? ''}`;
      const entry = blocked.get(key) ?? { code, files: [] };
      entry.files.push(file);
      blocked.set(key, entry);
    }
  }
  return [...blocked.values()].map(({ code, files }) => {
    const where = files.length === 1 ? files[0] : `${files[0]} and ${files.length - 1} other page(s)`;
    if (code.kind === 'style-attribute' || code.kind === 'script-attribute') {
      return `${code.what} in ${where}: browsers ignore it under the Content-Security-Policy. Use a class and a stylesheet, or a script file, instead.`;
    }
    const directive = code.kind === 'script' ? 'script-src' : 'style-src';
    return `${code.what} (${code.hash}) in ${where}: browsers will not apply it under the Content-Security-Policy. Move it to a file, or if it must stay inline, add "${code.hash}" to ${directive} in deploy/hosting.yaml and run npm run deploy:nginx-conf.`;
  });
}

// Browsers ignore 'unsafe-inline' in a directive that also lists a hash or nonce.
function allowsAnyInline(sources: string[]): boolean {
  return sources.includes("'unsafe-inline'") && !sources.some((source) => /^'(sha\d+|nonce)-/.test(source));
}
