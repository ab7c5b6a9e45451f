import type { APIRoute, GetStaticPaths } from 'astro';
import type { Bulletin } from '../../../lib/collections.ts';
import { devEmailEditionPaths, finishedEmailEdition } from '../../../lib/email-edition.ts';

// Only `astro dev` serves this route. A build writes email.txt beside email.html in its finishing step
// (src/integrations/finish-site.ts), from the rendering of every issue in ../email-editions.ndjson.ts.
export const getStaticPaths = devEmailEditionPaths satisfies GetStaticPaths;

/** The plain-text part of the email, every link written out. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response((await finishedEmailEdition(props.bulletin)).text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
