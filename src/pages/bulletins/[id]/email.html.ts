import type { APIRoute, GetStaticPaths } from 'astro';
import { getBulletins, type Bulletin } from '../../../lib/collections.ts';
import { renderEmailEdition } from '../../../lib/email-edition.ts';
import { finishEmailEdition } from '../../../lib/email.ts';

// Only `astro dev` serves this route. A build renders every issue's edition in one route
// (../email-editions.ndjson.ts), and its finishing step writes email.html and email.txt from that.
export const getStaticPaths = (async () =>
  import.meta.env.DEV
    ? (await getBulletins()).map((bulletin) => ({ params: { id: bulletin.id }, props: { bulletin } }))
    : []) satisfies GetStaticPaths;

/** The issue as HTML for an email tool: table layout, styles inlined, every address absolute. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response(finishEmailEdition(await renderEmailEdition(props.bulletin), `bulletins/${props.bulletin.id}`).html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
