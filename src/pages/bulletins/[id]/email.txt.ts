import type { APIRoute, GetStaticPaths } from 'astro';
import { getBulletins, type Bulletin } from '../../../lib/collections.ts';
import { renderEmailEdition } from '../../../lib/email-edition.ts';
import { finishEmailEdition } from '../../../lib/email.ts';

// Only `astro dev` serves this route. A build writes email.txt beside email.html in its finishing step
// (src/integrations/finish-site.ts), from the rendering of every issue in ../email-editions.ndjson.ts.
export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getBulletins()).map((bulletin) => ({ params: { id: bulletin.id }, props: { bulletin } }))
    : []) satisfies GetStaticPaths;

/** The plain-text part of the email, every link written out. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response(finishEmailEdition(await renderEmailEdition(props.bulletin), `bulletins/${props.bulletin.id}`).text, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
