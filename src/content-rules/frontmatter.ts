/** A Markdown file split at its frontmatter. */
export type SplitFile =
  { ok: true; yaml: string; yamlLine: number; bodyLine: number } | { ok: false; reason: 'missing' | 'unclosed' };

/**
 * Finds the YAML frontmatter the way Astro does: a `---` line at the top (blank lines and a
 * byte-order mark may come first), the fields, then a closing `---` line.
 * @example splitFrontmatter('---\ntitle: x\n---\nText') // => { ok: true, yaml: 'title: x\n', yamlLine: 2, bodyLine: 4 }
 */
export function splitFrontmatter(text: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let open = 0;
  while (open < lines.length && lines[open].trim() === '') open++;
  if (lines[open]?.trimEnd() !== '---') return { ok: false, reason: 'missing' };
  const close = lines.findIndex((line, i) => i > open && line.trimEnd() === '---');
  if (close === -1) return { ok: false, reason: 'unclosed' };
  const yaml = lines.slice(open + 1, close).join('\n');
  return { ok: true, yaml: yaml ? `${yaml}\n` : '', yamlLine: open + 2, bodyLine: close + 2 };
}
