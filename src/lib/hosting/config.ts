import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { parse, YAMLParseError } from 'yaml';
import { hostingSchema, redirectListSchema, type HostingSettings, type Redirect } from '../../schemas/hosting.ts';

/** Everything the hosting files are generated from. */
export interface Hosting {
  settings: HostingSettings;
  redirects: Redirect[];
}

/** A hosting data file that cannot be used; its message names the file, the field and the fix. */
export class HostingConfigError extends Error {
  override name = 'HostingConfigError';
}

/** The data files, relative to the project's root. */
export const HOSTING_FILE = 'deploy/hosting.yaml';
export const REDIRECTS_FILE = 'deploy/redirects.yaml';

/**
 * Reads and checks `deploy/hosting.yaml` and `deploy/redirects.yaml` under `root`.
 * @example loadHosting('/work/site').redirects[0] // => { from: '/bulletin/', to: '/bulletins/' }
 */
export function loadHosting(root: string): Hosting {
  return {
    settings: readYaml(root, HOSTING_FILE, hostingSchema),
    redirects: readYaml(root, REDIRECTS_FILE, redirectListSchema, []),
  };
}

/**
 * Parses one YAML text against a schema, with errors that name the file and field.
 * @example parseYaml('deploy/redirects.yaml', '- from: /a/\n  to: /b/', redirectListSchema) // => [{ from: '/a/', to: '/b/' }]
 */
export function parseYaml<T extends z.ZodType>(
  file: string,
  text: string,
  schema: T,
  whenEmpty: unknown = {},
): z.infer<T> {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const where = error.linePos ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '';
    throw new HostingConfigError(
      `${file} is not valid YAML${where}: ${error.message.split('\n')[0]}\nFix the file and run the command again.`,
    );
  }
  // A file of comments only (no redirects yet) parses as null.
  const result = schema.safeParse(data ?? whenEmpty);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${fieldName(issue.path)}: ${issue.message}`);
  throw new HostingConfigError(
    `${file} does not match what the hosting files need:\n${lines.join('\n')}\nFix the file and run the command again.`,
  );
}

function readYaml<T extends z.ZodType>(root: string, file: string, schema: T, whenEmpty?: unknown): z.infer<T> {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) {
    throw new HostingConfigError(`${file} is missing. The hosting files are generated from it; restore it from git.`);
  }
  return parseYaml(file, fs.readFileSync(full, 'utf8'), schema, whenEmpty);
}

// [1, 'to'] => "redirect 2 → to"; ['headers', 'Referrer-Policy'] => "headers → Referrer-Policy".
function fieldName(issuePath: PropertyKey[]): string {
  if (issuePath.length === 0) return 'the file';
  return issuePath
    .map((part, index) => (index === 0 && typeof part === 'number' ? `redirect ${part + 1}` : String(part)))
    .join(' → ');
}
