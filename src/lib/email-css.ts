import path from 'node:path';
import { compileAsync } from 'sass-embedded';

/** The email edition's Sass: NHS.UK frontend's settings as the site configures them, so the same font. */
const EMAIL_SCSS = path.resolve('src/styles/email.scss');

let compiled: Promise<string> | undefined;

/**
 * The email edition's stylesheet, compiled from Sass once per process. Not through Vite (`?inline`): its
 * minifier rewrites `@media (max-width: 620px)` as `@media (width<=620px)`, which email clients do not
 * understand. Astro runs from the project's root, where `src/styles/` is.
 * @example await emailCss() // => 'body {\n  margin: 0;\n …  font-family: arial, sans-serif;…'
 */
export function emailCss(): Promise<string> {
  compiled ??= compileAsync(EMAIL_SCSS, { loadPaths: ['node_modules'], quietDeps: true }).then((result) => result.css);
  return compiled;
}
