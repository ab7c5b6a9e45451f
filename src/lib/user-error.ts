import { AstroError } from 'astro/errors';

/**
 * An error in the content, data or settings rather than in the code: Astro prints its message and hint
 * (what happened, what to do) and, as it has no stack, no trace into the build that would only hide them.
 * @example throw userError('deploy/redirects.yaml redirects /about/, which is a page.', 'Remove the redirect.')
 */
export function userError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}
