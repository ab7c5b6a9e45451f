import type { APIRoute, GetStaticPaths } from 'astro';
import { getBulletins, type Bulletin } from '../../../lib/collections.ts';
import { emailEditionFile } from '../../../lib/email-edition.ts';

export const getStaticPaths = (async () =>
  (await getBulletins()).map((bulletin) => ({
    params: { id: bulletin.id },
    props: { bulletin },
  }))) satisfies GetStaticPaths;

/** The issue as HTML for an email tool: table layout, styles inlined, every address absolute. */
export const GET: APIRoute<{ bulletin: Bulletin }> = async ({ props }) =>
  new Response(await emailEditionFile(props.bulletin, 'html'), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
